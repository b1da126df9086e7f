export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export interface ChromiumLaunchOptions {
  executablePath: string;
  args: string[];
  headless: true;
  ignoreDefaultArgs?: string[];
}
export declare function chromiumLaunchOptions(options?: { popupBlocker?: boolean }): ChromiumLaunchOptions;
