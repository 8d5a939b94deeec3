import { createHashRouter, RouterProvider } from 'react-router'
import { routes } from './routes'

const router = createHashRouter(routes)

/**
 * The renderer's root. Later the vault's unlock screen wraps this: while locked, only that screen renders,
 * and locking unmounts the router so no survivor data stays in memory.
 */
export function App() {
  return <RouterProvider router={router} />
}
