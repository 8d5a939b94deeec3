import { useState } from 'react'
import { FocusedResult } from '../FocusedResult'
import { useTranslation } from 'react-i18next'
import type { TStaffAccount } from '../../../../../shared/contract/accounts'
import {
  Badge,
  Button,
  DataCell,
  DataColumn,
  DataRow,
  DataTable,
  DataTableBody,
  DataTableHeader,
  Loaded,
  Notice,
} from '../../../ui'
import { formatDate } from '../../../lib/dates'
import { api } from '../../../api'
import { useApiQuery } from '../../../lib/useApiQuery'
import { useSignedInStaff } from '../../vault'
import { AdminSection } from '../AdminSection'
import { adminErrorKey } from '../errors'
import { AddStaffDialog } from './AddStaffDialog'
import { ChangeRoleDialog } from './ChangeRoleDialog'
import { DisableAccountDialog } from './DisableAccountDialog'
import { ResetPassphraseDialog } from './ResetPassphraseDialog'

const listAccounts = () => api.accounts.list()

/** Staff accounts: who may open the vault, with which role; add, change role, reset a passphrase, disable. */
export function AccountsPanel() {
  const { t, i18n } = useTranslation()
  const signedIn = useSignedInStaff()
  const { load: accounts, reload } = useApiQuery(listAccounts)
  const [isAdding, setIsAdding] = useState(false)
  const [toDisable, setToDisable] = useState<TStaffAccount | null>(null)
  const [toChangeRole, setToChangeRole] = useState<TStaffAccount | null>(null)
  const [toReset, setToReset] = useState<TStaffAccount | null>(null)
  const [announcement, setAnnouncement] = useState('')
  /**
   * After disabling, changing a role or resetting a passphrase, focus moves to this message (the row's button may
   * be gone, and the person should hear the outcome) instead of <body>.
   */
  const [disabledMessage, setDisabledMessage] = useState<{ text: string; key: number } | null>(null)
  const showOutcome = (text: string) => {
    setAnnouncement('')
    setDisabledMessage({ text, key: Date.now() })
    reload()
  }

  return (
    <AdminSection
      tab="accounts"
      actions={
        <Button variant="primary" onPress={() => setIsAdding(true)}>
          {t('admin.accounts.add')}
        </Button>
      }
    >
      <div role="status" className="admin-announcement">
        {announcement ? <Notice tone="success">{announcement}</Notice> : null}
      </div>
      {disabledMessage ? (
        <FocusedResult key={disabledMessage.key}>
          <Notice tone="success">{disabledMessage.text}</Notice>
        </FocusedResult>
      ) : null}
      <Loaded
        load={accounts}
        loadingLabel={t('admin.accounts.loading')}
        failedText={(error) => t(`admin.errors.${adminErrorKey('load', error)}`)}
      >
        {({ accounts: list }) => (
          <>
            <p id="admin-accounts-grid-hint" className="admin-grid-hint">
              {t('admin.gridHint')}
            </p>
            <DataTable aria-labelledby="admin-accounts-heading" aria-describedby="admin-accounts-grid-hint">
              <DataTableHeader>
                <DataColumn isRowHeader>{t('admin.accounts.columns.displayName')}</DataColumn>
                <DataColumn>{t('admin.accounts.columns.username')}</DataColumn>
                <DataColumn>{t('admin.accounts.columns.role')}</DataColumn>
                <DataColumn>{t('admin.accounts.columns.status')}</DataColumn>
                <DataColumn>{t('admin.accounts.columns.created')}</DataColumn>
                <DataColumn>{t('admin.accounts.columns.actions')}</DataColumn>
              </DataTableHeader>
              <DataTableBody items={list} dependencies={[i18n.language, signedIn]}>
                {(account) => (
                  <DataRow id={account.id}>
                    <DataCell>
                      <span className="admin-accounts__name">{account.displayName}</span>
                      {account.id === signedIn.accountId ? (
                        <span className="admin-accounts__you"> {t('admin.accounts.you')}</span>
                      ) : null}
                    </DataCell>
                    <DataCell>
                      <span className="admin-mono">{account.username}</span>
                    </DataCell>
                    <DataCell>{t(`admin.roles.${account.role}.label`)}</DataCell>
                    <DataCell>
                      <Badge tone={account.status === 'active' ? 'accent' : 'neutral'}>
                        {t(`admin.accounts.status.${account.status}`)}
                      </Badge>
                    </DataCell>
                    <DataCell>{formatDate(account.createdAt, i18n.language)}</DataCell>
                    <DataCell>
                      {account.id === signedIn.accountId ? (
                        // Your own account cannot be disabled here (it may be the last administrator).
                        <span className="admin-muted">{t('admin.accounts.noActionsSelf')}</span>
                      ) : account.status === 'active' ? (
                        <span className="admin-accounts__actions">
                          <Button
                            variant="quiet"
                            aria-label={t('admin.accounts.changeRoleNamed', { name: account.displayName })}
                            onPress={() => setToChangeRole(account)}
                          >
                            {t('admin.accounts.changeRole')}
                          </Button>
                          <Button
                            variant="quiet"
                            aria-label={t('admin.accounts.resetPassphraseNamed', {
                              name: account.displayName,
                            })}
                            onPress={() => setToReset(account)}
                          >
                            {t('admin.accounts.resetPassphrase')}
                          </Button>
                          <Button
                            variant="quiet"
                            className="admin-danger-quiet"
                            aria-label={t('admin.accounts.disableNamed', { name: account.displayName })}
                            onPress={() => setToDisable(account)}
                          >
                            {t('admin.accounts.disable')}
                          </Button>
                        </span>
                      ) : (
                        <span className="admin-muted">{t('admin.accounts.noActions')}</span>
                      )}
                    </DataCell>
                  </DataRow>
                )}
              </DataTableBody>
            </DataTable>
          </>
        )}
      </Loaded>
      <AddStaffDialog
        isOpen={isAdding}
        onClose={() => setIsAdding(false)}
        onAdded={(account) => {
          setIsAdding(false)
          setDisabledMessage(null)
          setAnnouncement(t('admin.accounts.added', { name: account.displayName }))
          reload()
        }}
      />
      <DisableAccountDialog
        account={toDisable}
        onClose={() => setToDisable(null)}
        onDisabled={(account) => {
          setToDisable(null)
          showOutcome(t('admin.accounts.disabled', { name: account.displayName }))
        }}
      />
      <ChangeRoleDialog
        account={toChangeRole}
        onClose={() => setToChangeRole(null)}
        onChanged={(account) => {
          setToChangeRole(null)
          showOutcome(
            t('admin.accounts.roleChanged', {
              name: account.displayName,
              role: t(`admin.roles.${account.role}.label`),
            }),
          )
        }}
      />
      <ResetPassphraseDialog
        account={toReset}
        onClose={() => setToReset(null)}
        onReset={(account) => {
          setToReset(null)
          showOutcome(t('admin.accounts.passphraseReset', { name: account.displayName }))
        }}
      />
    </AdminSection>
  )
}
