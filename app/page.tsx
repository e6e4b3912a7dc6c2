import { EditorLoader } from '@/components/editor/editor-loader'
import { NarrowNote } from '@/components/editor/narrow-note'

export default function Home() {
  return (
    <main className="home">
      <h1 className="sr-only">s6 Designer</h1>
      <NarrowNote />
      <EditorLoader />
    </main>
  )
}
