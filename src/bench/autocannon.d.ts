/** The part of autocannon's API the HTTP benchmark uses (the package ships no types). */
declare module 'autocannon' {
  type Histogram = { average: number; min: number; max: number; p50: number; p90: number; p99: number; total: number; sent: number };
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    /** Requests per second over all connections (open loop); none: each connection sends as soon as it has a response. */
    overallRate?: number;
    requests?: Array<
      Request & {
        setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
        onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
      }
    >;
  };
  type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number; duration: number };
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
