export default function Home() {
  return (
    <main>
      <h1>s6 Designer</h1>
      <p>The designer canvas is coming.</p>
    </main>
  )
}
