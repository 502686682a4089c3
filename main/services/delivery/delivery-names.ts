// The names clients get: the ordered photo's own stem (IMG_0412.jpg, whatever the editor called
// its export), made unique within a set when two ordered photos share a stem (two cameras).
export function deliveryNames(items: readonly { key: string; stem: string; extension: string }[]): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const item of items) {
    let name = `${item.stem}${item.extension}`;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${item.stem} (${n})${item.extension}`;
    used.add(name.toLowerCase());
    names.set(item.key, name);
  }
  return names;
}
