// The build type-checks without Node's types; this is the one piece of them the sources use:
// `process.env.NODE_ENV`, which every app bundler replaces (production builds then drop the
// development-only text behind it).
declare var process: { env: { NODE_ENV?: string } };
