'use client'

import './share.css'
import { useEffect, useId, useRef, useState } from 'react'
import { useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Button } from '@/components/ui/button'
import { SharePopover, type ShareState } from './share-popover'
import { secretCount } from '@/lib/generate/redact'
import { copyText, makeShareLink } from './share-link'

/**
 * Share: makes a link that carries the whole design in its fragment, copies it, and says how
 * long it is; long links come with the graph JSON file as the better way to send the design.
 */
export function ShareButton() {
  const store = useEditorStoreApi()
  const [open, setOpen] = useState(false)
  const [state, setState] = useState<ShareState>({ status: 'working' })
  const id = useId()
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const run = useRef(0)

  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])

  const share = async () => {
    const graph = store.getState().graph
    const me = ++run.current
    setOpen(true)
    setState({ status: 'working' })
    try {
      const url = await makeShareLink(graph)
      if (me !== run.current) return
      const copied = await copyText(url)
      if (me !== run.current) return
      setState({ status: 'ready', url, copied, secrets: secretCount(graph), graph })
    } catch (error) {
      if (me !== run.current) return
      setState({
        status: 'error',
        message: `The link could not be made (${error instanceof Error ? error.message : String(error)}). Download the graph JSON instead.`,
        graph,
      })
    }
  }

  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }

  return (
    <div className="share" ref={wrapRef}>
      <Button
        ref={buttonRef}
        variant="ghost"
        icon="share"
        title="Copy a link that opens this design"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? close() : void share())}
      >
        Share
      </Button>
      {open ? (
        <SharePopover
          id={id}
          state={state}
          fallbackGraph={store.getState().graph}
          onCopied={(copied) => setState((s) => (s.status === 'ready' ? { ...s, copied } : s))}
          onClose={close}
        />
      ) : null}
    </div>
  )
}
