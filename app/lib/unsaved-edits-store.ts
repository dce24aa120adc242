/**
 * The browser's safety net for unsent edits (COLLAB-27): every local update of a
 * board is appended to IndexedDB until the server acknowledges its commit, so a
 * reload or a tab crash does not lose it. Only these updates are kept, never a
 * copy of the board. Keys are [userId, boardId, editKey]: a user reads only their
 * own entries, and signing out deletes them all.
 *
 * Every call is best effort: without IndexedDB (private mode, old browser) the
 * page works as before, only without the safety net.
 */
const DB_NAME = "remit-unsaved-edits";
const STORE = "edits";

export interface StoredEdit {
  key: string;
  update: Uint8Array;
}

let opened: Promise<IDBDatabase | null> | null = null;

function openDb(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        // Another tab deleting the database (sign-out) must not wait for this one.
        db.onversionchange = () => {
          db.close();
          opened = null;
        };
        resolve(db);
      };
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opened;
}

/** All keys of one user's board: [userId, boardId] < [userId, boardId, any string] < [userId, boardId, []]. */
function boardRange(userId: string, boardId: string): IDBKeyRange {
  return IDBKeyRange.bound([userId, boardId], [userId, boardId, []]);
}

function run(mode: IDBTransactionMode, work: (store: IDBObjectStore) => void): Promise<void> {
  return openDb().then(
    (db) =>
      new Promise<void>((resolve) => {
        if (!db) return resolve();
        try {
          const transaction = db.transaction(STORE, mode);
          work(transaction.objectStore(STORE));
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => resolve();
          transaction.onabort = () => resolve();
        } catch {
          resolve();
        }
      }),
  );
}

let counter = 0;
/** Sortable and unique across tabs: time first, so restored edits apply in the order they were made. */
export function newEditKey(now = Date.now()): string {
  counter = (counter + 1) % 1e6;
  const random = Math.floor(Math.random() * 36 ** 4).toString(36);
  return `${now.toString(36).padStart(10, "0")}-${counter.toString(36).padStart(4, "0")}-${random}`;
}

export function storeEdit(userId: string, boardId: string, key: string, update: Uint8Array): Promise<void> {
  return run("readwrite", (store) => store.put(update, [userId, boardId, key]));
}

export function deleteEdits(userId: string, boardId: string, keys: readonly IDBValidKey[]): Promise<void> {
  if (keys.length === 0) return Promise.resolve();
  return run("readwrite", (store) => {
    for (const key of keys) store.delete([userId, boardId, key]);
  });
}

/** Every entry in `range`, in key order, as `pick` reads it (null: skipped). */
function readRange<T>(range: IDBKeyRange, pick: (key: unknown[], value: unknown) => T | null): Promise<T[]> {
  const entries: T[] = [];
  return run("readonly", (store) => {
    const request = store.openCursor(range);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      const entry = pick(cursor.key as unknown[], cursor.value);
      if (entry !== null) entries.push(entry);
      cursor.continue();
    };
  }).then(() => entries);
}

export function readEdits(userId: string, boardId: string): Promise<StoredEdit[]> {
  return readRange(boardRange(userId, boardId), ([, , key], value) =>
    typeof key === "string" && value instanceof Uint8Array ? { key, update: value } : null,
  );
}

/**
 * Edits the server refused (COLLAB-29) live in the same store, keyed [userId, boardId, ["refused", editKey]]: an
 * array sorts after every string, so they lie outside boardRange (never read back to be resent), and inside the
 * user's range (a sign-out wipes them too).
 */
const REFUSED = "refused";

function refusedRange(userId: string, boardId: string): IDBKeyRange {
  return IDBKeyRange.bound([userId, boardId, [REFUSED]], [userId, boardId, [REFUSED, []]]);
}

export interface RefusedEdit {
  key: string;
  update: Uint8Array;
  /** The close code that refused it (4422 refused, 4413 or 1009 too large). */
  code: number;
}

/** Moves these unsent edits out of the resend queue, into the refused ones, in one transaction. */
export function refuseEdits(userId: string, boardId: string, keys: readonly string[], code: number): Promise<void> {
  if (keys.length === 0) return Promise.resolve();
  return run("readwrite", (store) => {
    for (const key of keys) {
      const read = store.get([userId, boardId, key]);
      read.onsuccess = () => {
        if (!(read.result instanceof Uint8Array)) return;
        store.put({ update: read.result, code }, [userId, boardId, [REFUSED, key]]);
        store.delete([userId, boardId, key]);
      };
    }
  });
}

export function readRefusedEdits(userId: string, boardId: string): Promise<RefusedEdit[]> {
  return readRange(refusedRange(userId, boardId), ([, , labelled], value) => {
    const key = (labelled as unknown[])[1];
    const entry = value as Partial<RefusedEdit> | null;
    return typeof key === "string" && entry?.update instanceof Uint8Array && typeof entry.code === "number"
      ? { key, update: entry.update, code: entry.code }
      : null;
  });
}

export function deleteRefusedEdits(userId: string, boardId: string, keys: readonly string[]): Promise<void> {
  return deleteEdits(
    userId,
    boardId,
    keys.map((key) => [REFUSED, key]),
  );
}

/** Sign-out: this user's unsent edits on every board are dropped. */
function wipeUserEdits(userId: string): Promise<void> {
  return run("readwrite", (store) => store.delete(IDBKeyRange.bound([userId], [userId, []])));
}

/**
 * onSubmit for a sign-out form: deletes the user's unsent edits first, then posts the form natively
 * (a page leaving mid-transaction could abort the delete). Never holds the sign-out up for long.
 */
export function wipeThenSubmit(userId: string) {
  return (event: { preventDefault(): void; currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    const giveUp = new Promise<void>((resolve) => setTimeout(resolve, 2000));
    void Promise.race([wipeUserEdits(userId), giveUp]).then(() => form.submit());
  };
}
