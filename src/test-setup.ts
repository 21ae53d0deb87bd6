// IndexedDB for the store's unit tests: fake-indexeddb implements it in memory.
import 'fake-indexeddb/auto';
