// WebFrameMain (docs/api/web-frame-main.md): what main knows of one frame: its url, whether it
// is the main frame (`top`/`parent`), its name. The main frame's object is the same one for the
// life of a page, so `event.senderFrame === event.sender.mainFrame` holds for the main frame as
// in Electron (web-frame-main is cached per RenderFrameHost).
import { fromChromiumUrl } from './scheme-mapping'

export class WebFrameMain {
  detached = false
  constructor(
    private readonly currentUrl: () => string,
    readonly isMain: boolean,
    private readonly mainFrame: () => WebFrameMain,
    readonly name = '',
  ) {}
  get url(): string {
    return fromChromiumUrl(this.currentUrl())
  }
  get origin(): string {
    return URL.canParse(this.url) ? new URL(this.url).origin : 'null'
  }
  get top(): WebFrameMain {
    return this.mainFrame()
  }
  get parent(): WebFrameMain | null {
    return this.isMain ? null : this.mainFrame()
  }
  executeJavaScript(): never {
    throw new Error('not emulated: WebFrameMain.executeJavaScript')
  }
}
