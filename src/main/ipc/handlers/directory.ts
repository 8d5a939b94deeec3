import type { directoryChannels } from '../../../shared/contract'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

export const directoryHandlers = ({ directory }: TServices): THandlersFor<typeof directoryChannels> => ({
  'directory:organizations': (query) => directory.organizations(query),
  'directory:organization': ({ id }) => directory.organization(id),
  'directory:createOrganization': ({ organization }) => directory.createOrganization(organization),
  'directory:updateOrganization': ({ id, organization }) => directory.updateOrganization(id, organization),
  'directory:setOrganizationRetired': ({ id, retired }) => directory.setOrganizationRetired(id, retired),
  'directory:resources': (query) => directory.resources(query),
  'directory:createResource': ({ resource }) => directory.createResource(resource),
  'directory:updateResource': ({ id, resource }) => directory.updateResource(id, resource),
  'directory:setResourceRetired': ({ id, retired }) => directory.setResourceRetired(id, retired),
})
