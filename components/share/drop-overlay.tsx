'use client'

import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { Icon } from '@/components/ui/icons'

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true

/**
 * Accepts a file or folder dropped anywhere on the designer, with an overlay while one is
 * dragged over the page. Drags without files (text, canvas gestures) are left alone.
 */
export function DropOverlay({ onDrop }: { onDrop: (data: DataTransfer) => void }) {
  const [active, setActive] = useState(false)
  const onDropRef = useRef(onDrop)
  useEffect(() => {
    onDropRef.current = onDrop
  }, [onDrop])

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; count them to know when it left.
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      depth++
      setActive(true)
    }
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setActive(false)
    }
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e) || !e.dataTransfer) return
      e.preventDefault()
      depth = 0
      setActive(false)
      onDropRef.current(e.dataTransfer)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  if (!active) return null
  return createPortal(
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <Icon name="archive" size={28} />
        <span className="drop-title">Drop to import</span>
        <span className="drop-hint">
          A zip or folder (an s6 Designer export, an s6-rc.d, an image root with etc/s6-overlay) or
          a .s6graph.json file. Your current design goes to Recent designs.
        </span>
      </div>
    </div>,
    document.body,
  )
}
