/**
 * Spellings a caseworker meets for the same name: another vowel, a letter doubled or not, an h dropped. The case
 * search's recall test (`similar-names.test.ts`) and its 100,000-case check (`bench/search-recall.ts`) spell names
 * the same way, so their recall figures are about the same variants.
 */
export function variantsOf(name: string): string[] {
  const variants = new Set<string>()
  const vowel = /[aeiou]/.exec(name.slice(1))
  if (vowel !== null) {
    const at = vowel.index + 1
    variants.add(name.slice(0, at) + (name[at] === 'a' ? 'e' : 'a') + name.slice(at + 1))
  }
  variants.add(name.replace(/([bcdfghjklmnpqrstvwxz])/, '$1$1'))
  variants.add(name.replace(/([a-z])\1/, '$1'))
  variants.add(name.replace(/h(?=[aeiou])/, ''))
  variants.delete(name)
  return [...variants]
}
