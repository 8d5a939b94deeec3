import type { ReactNode, Ref } from 'react'
import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Text,
  type Key,
} from 'react-aria-components'
import './Button.css'
import './MenuButton.css'
import './Popover.css'

export type TMenuButtonItem = {
  id: string
  label: string
  /** A line under the label, e.g. "Assigned now". */
  description?: string
}

export type TMenuButtonProps = {
  /** The button's visible text. */
  children: ReactNode
  /** Names the menu for assistive technology. */
  menuLabel: string
  items: readonly TMenuButtonItem[]
  onAction: (id: string) => void
  /** The item shown as chosen (aria-checked), e.g. the current assignee. */
  selectedId?: string | null
  isDisabled?: boolean
  variant?: 'primary' | 'secondary' | 'quiet'
  /** The trigger button, so a caller can put focus back on it after the chosen action finished. */
  triggerRef?: Ref<HTMLButtonElement>
}

/** A button that opens a menu of actions (React Aria Menu): arrow keys, type-ahead, Escape closes. */
export function MenuButton({
  children,
  menuLabel,
  items,
  onAction,
  selectedId = null,
  isDisabled = false,
  variant = 'secondary',
  triggerRef,
}: TMenuButtonProps) {
  return (
    <MenuTrigger>
      <AriaButton
        {...(triggerRef === undefined ? {} : { ref: triggerRef })}
        isDisabled={isDisabled}
        className={`ui-button ui-button--${variant} ui-menu-button`}
      >
        {children}
        <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </AriaButton>
      <Popover className="ui-popover ui-menu-button__popover" placement="bottom start" offset={4}>
        <Menu
          aria-label={menuLabel}
          className="ui-menu-button__menu"
          items={items}
          selectionMode={selectedId === null ? 'none' : 'single'}
          {...(selectedId === null ? {} : { selectedKeys: [selectedId] })}
          onAction={(key: Key) => onAction(String(key))}
        >
          {(item) => (
            <MenuItem id={item.id} textValue={item.label} className="ui-menu-button__item">
              {({ isSelected }) => (
                <>
                  <span className="ui-menu-button__check" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  <span className="ui-menu-button__text">
                    <Text slot="label">{item.label}</Text>
                    {item.description ? (
                      <Text slot="description" className="ui-menu-button__description">
                        {item.description}
                      </Text>
                    ) : null}
                  </span>
                </>
              )}
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  )
}
