// @ts-check
import path from 'node:path'

/**
 * The renderer's folders and who may import whom (docs/renderer.md):
 *   ui/                 the kit: imports only itself (texts, data and callbacks come in as props)
 *   lib/, i18n/, api.ts helpers every feature shares: never a feature or the app
 *   features/<name>/    its own files; another feature only through that feature's index.ts; never the app
 *   app/                the frame and routes: features only through their index.ts
 *   main.tsx            the entry: starts the app
 * Relative imports are resolved against the importing file, so the rule reads the folder an import lands in.
 */
const RENDERER_ROOT = path.resolve(import.meta.dirname, '..', 'src', 'renderer', 'src')

/** 'ui', 'lib', 'app', 'features/intake', … for a path inside the renderer; null outside it. */
function areaOf(/** @type {string} */ file) {
  const relative = path.relative(RENDERER_ROOT, path.resolve(file))
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null
  const [first = '', second] = relative.split(path.sep)
  if (first === 'features') return second === undefined ? 'features' : `features/${second}`
  return path.parse(first).name
}

/** Whether `target` is a feature folder's public face: the folder itself or its index file. */
function isFeatureIndex(/** @type {string} */ target, /** @type {string} */ area) {
  const folder = path.join(RENDERER_ROOT, area)
  const resolved = path.resolve(target)
  return (
    resolved === folder ||
    path.join(path.dirname(resolved), path.parse(resolved).name) === path.join(folder, 'index')
  )
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keep the renderer’s import direction: ui ← lib ← features (through index.ts) ← app.',
    },
    schema: [],
  },
  create(context) {
    const from = areaOf(context.filename)
    if (from === null || from === 'main') return {}
    /** @param {import('estree').Node & { source?: import('estree').Node | null }} node */
    const check = (node) => {
      const source = node.source
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.'))
        return
      const target = path.join(path.dirname(context.filename), source.value)
      const to = areaOf(target)
      if (to === null || to === from) return
      const report = (/** @type {string} */ message) => context.report({ node: source, message })
      if (from === 'ui') {
        report(
          `The ui kit imports only itself; "${source.value}" is in ${to}. Pass texts and data in as props.`,
        )
      } else if (to === 'app') {
        report(`Only the app imports the app frame; "${source.value}" reaches into app/ from ${from}.`)
      } else if (to.startsWith('features/')) {
        if (!from.startsWith('features/') && from !== 'app') {
          report(`${from}/ is shared by every feature and never imports one ("${source.value}").`)
        } else if (!isFeatureIndex(target, to)) {
          const index = path.relative(path.dirname(context.filename), path.join(RENDERER_ROOT, to))
          report(
            `Import ${to} through its index.ts ("${index.split(path.sep).join('/')}"), not "${source.value}".`,
          )
        }
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}

export const rendererLayers = { rules: { 'import-direction': rule } }
