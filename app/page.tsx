import { EditorLoader } from '@/components/editor/editor-loader'

export default function Home() {
  return (
    <main className="home">
      <h1 className="sr-only">s6 Designer</h1>
      <EditorLoader />
    </main>
  )
}
