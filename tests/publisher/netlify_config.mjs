// The headers and redirects Netlify would serve for a built site, worked out by
// Netlify's own parsers. Used by test_netlify_config.py.
//
//   node netlify_config.mjs <site folder> <netlify.toml> [path ...]
//
// Prints JSON: the rules of `_headers` and `netlify.toml` together and of
// `netlify.toml` alone, the effective headers of each path, and the same for
// redirects, with every parse error.
//
// Merging follows Netlify: parseAllHeaders() puts netlify.toml's rules after
// `_headers`' ones, and the headers of a path are those of every matching rule,
// a later rule overriding an earlier one for the same header (netlify-cli's
// headersForPath, src/utils/headers.ts). Header names are compared without
// case, as HTTP does, so a differently spelled duplicate cannot hide.

import path from "node:path";

import { parseAllHeaders } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";

const [site, netlifyConfigPath, ...paths] = process.argv.slice(2);
if (!site || !netlifyConfigPath) {
  console.error("usage: node netlify_config.mjs <site> <netlify.toml> [path ...]");
  process.exit(2);
}

const messages = (errors) => errors.map((error) => error.message);
const rules = (headers) => headers.map(({ for: forPath, values }) => ({ for: forPath, values }));

function headersForPath(headers, urlPath) {
  const found = {};
  for (const { forRegExp, values } of headers.filter(({ forRegExp }) => forRegExp.test(urlPath))) {
    for (const [name, value] of Object.entries(values)) {
      found[name.toLowerCase()] = value;
    }
  }
  return found;
}

const headersFiles = [path.join(site, "_headers")];
const redirectsFiles = [path.join(site, "_redirects")];
const [headers, configHeaders, redirects, configRedirects] = await Promise.all([
  parseAllHeaders({ headersFiles, netlifyConfigPath, minimal: false }),
  parseAllHeaders({ netlifyConfigPath, minimal: false }),
  parseAllRedirects({ redirectsFiles, netlifyConfigPath, minimal: false }),
  parseAllRedirects({ netlifyConfigPath, minimal: false }),
]);

console.log(
  JSON.stringify({
    headers: {
      rules: rules(headers.headers),
      errors: messages(headers.errors),
      effective: Object.fromEntries(paths.map((p) => [p, headersForPath(headers.headers, p)])),
    },
    config_headers: { rules: rules(configHeaders.headers), errors: messages(configHeaders.errors) },
    redirects: { rules: redirects.redirects, errors: messages(redirects.errors) },
    config_redirects: {
      rules: configRedirects.redirects,
      errors: messages(configRedirects.errors),
    },
  }),
);
