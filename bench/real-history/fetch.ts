import { main } from './corpus-trees';

// `node dist/bench/real-history/fetch.js`: downloads the corpus's exact linux-libc-dev packages into the cache.
if (require.main === module) process.exitCode = main();
