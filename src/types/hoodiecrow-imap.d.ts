// hoodiecrow-imap ships no type declarations; this is the part of its API the demo uses.
declare module 'hoodiecrow-imap' {
  import type { Server } from 'node:net';
  interface HoodiecrowOptions {
    plugins?: string[];
    storage?: Record<string, unknown>;
    /** Accounts by user name (default: testuser/testpass, XOAUTH2 token `testtoken`). */
    users?: Record<string, { password?: string; xoauth2?: { accessToken: string; sessionTimeout?: number } }>;
    debug?: boolean;
  }
  interface HoodiecrowServer {
    listen(port: number, host: string, callback?: () => void): Server;
    server: Server;
    close(callback?: () => void): void;
  }
  export default function hoodiecrow(options?: HoodiecrowOptions): HoodiecrowServer;
}
