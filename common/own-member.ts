// Writing a member of an object built from JSON. JSON.parse makes a member named "__proto__" an
// own member like any other; assigning one instead sets the object's prototype, so the member is
// lost and its members are inherited as if they were the object's (a forged paging field, say).

/** Sets `target[name] = value` as an own member, also when `name` is "__proto__". */
export function setOwnMember(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true })
  else target[name] = value
}
