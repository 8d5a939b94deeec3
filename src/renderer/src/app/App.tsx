import { useState } from 'react'
import { createHashRouter, RouterProvider } from 'react-router'
import { routes } from './routes'

/**
 * The renderer's root. Later the vault's unlock screen wraps this: while locked, only that screen renders.
 * The router is created per mount, so unmounting on lock leaves no screen state (or survivor data) behind.
 */
export function App() {
  const [router] = useState(() => createHashRouter(routes))
  return <RouterProvider router={router} />
}
