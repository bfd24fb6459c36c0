// happy-dom does no layout: give the grid's scroll box a height so the virtualizer has a window.
import { afterAll, beforeAll } from 'vitest'

export function withGridViewport(height: number): void {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('grid-scroll') ? height : 0
      },
    })
  })
  afterAll(() => {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, 'clientHeight', descriptor)
  })
}
