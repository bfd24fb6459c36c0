// Notices from the store shown as Radix toasts (announced politely, dismissable, F8 to focus).
import { Toast } from 'radix-ui'
import { useStore } from '../store/index'
import { CloseIcon } from './icons'

export function Toaster() {
  const notices = useStore((s) => s.notices)
  const dismiss = useStore((s) => s.dismissNotice)
  return (
    <Toast.Provider duration={6000} label="Notification">
      {notices.map((n) => (
        <Toast.Root key={n.id} className="toast" data-tone={n.tone} type={n.tone === 'error' ? 'foreground' : 'background'} duration={n.tone === 'error' ? 12000 : 6000} onOpenChange={(open) => !open && dismiss(n.id)}>
          <div className="stack" style={{ gap: 2, flex: 1 }}>
            <Toast.Title className="toast-title">{n.title}</Toast.Title>
            {n.description && <Toast.Description className="toast-description">{n.description}</Toast.Description>}
          </div>
          <Toast.Close className="btn btn-ghost btn-small btn-icon" aria-label="Dismiss notification">
            <CloseIcon size={14} />
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  )
}
