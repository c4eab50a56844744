/** argmap's version, as `argmap --version` prints it (package.json's `version`). */
export const VERSION = '0.1.0'
