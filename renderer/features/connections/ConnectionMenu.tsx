// Per-connection menu: duplicate, export, delete (with a confirmation saying what it revokes).
import { DropdownMenu } from 'radix-ui'
import { useState } from 'react'
import type { ProfileView } from '../../../common/profile'
import { DuplicateIcon, ExportIcon, MoreIcon, TrashIcon } from '../../components/icons'
import { useStore } from '../../store/index'
import { DeleteConnectionDialog } from './DeleteConnectionDialog'

export function ConnectionMenu({ profile, className = 'btn btn-ghost btn-small btn-icon conn-menu' }: { profile: ProfileView; className?: string }) {
  const [deleting, setDeleting] = useState(false)
  const duplicate = useStore((s) => s.duplicateProfile)
  const exportFile = useStore((s) => s.exportProfilesFile)
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className={className} aria-label={`More actions for ${profile.name}`}>
          <MoreIcon size={14} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            <DropdownMenu.Item className="menu-item" onSelect={() => void duplicate(profile.id)}>
              <DuplicateIcon size={14} /> Duplicate
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => void exportFile([profile.id])}>
              <ExportIcon size={14} /> Export…
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="menu-sep" />
            <DropdownMenu.Item className="menu-item danger" onSelect={() => setDeleting(true)}>
              <TrashIcon size={14} /> Delete…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <DeleteConnectionDialog profile={profile} open={deleting} onOpenChange={setDeleting} />
    </>
  )
}
