/**
 * Applies the saved theme before the first paint (no light flash on dark pages). Harmless if
 * the root layout does the same.
 */
const SCRIPT = `try{var t=localStorage.getItem('s6d-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />
}
