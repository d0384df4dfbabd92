/**
 * Sources import siblings as './x.js' (nodenext style) while the file on disk is './x.ts'.
 * Resolve as usual first (so packages' own .js/.cjs files are untouched), then try .ts.
 */
module.exports = (request, options) => {
  try {
    return options.defaultResolver(request, options);
  } catch (error) {
    if (/^\.{1,2}\/.*\.js$/.test(request)) return options.defaultResolver(request.replace(/\.js$/, '.ts'), options);
    throw error;
  }
};
