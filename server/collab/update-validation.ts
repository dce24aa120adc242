/**
 * Checks a client's Yjs update against the board schema (core/board-doc.ts)
 * BEFORE it reaches the room's document, by reading the decoded structs and
 * delete set: where each new item lands (root, row, text field, instrument
 * set), what it holds, and whether everything it depends on is known. An
 * update that fails is never applied, broadcast or stored (COLLAB-16, -20).
 *
 * Why inspect rather than integrate into a scratch copy: a copy costs the
 * whole document per update (O(board) at every keystroke), and integration is
 * exactly the step that can throw or wedge Yjs (COLLAB-18). Reading structs is
 * linear in the update.
 */
import * as Y from "yjs";
import {
  BOARD_LIMITS,
  INSTRUMENT_KEY_PATTERN,
  META_FIELD_SCHEMA,
  ROOT_TYPE_NAMES,
  ROW_FIELD_SCHEMA,
  ROW_ID_PATTERN,
  TEXT_FIELD_MAX,
  type TextField,
} from "../../core/board-doc";

/** Names of the rules an update can break; they appear in the 4422 close reason and in metrics. */
export type UpdateRule =
  | "decode"
  | "root-type"
  | "row-shape"
  | "row-id"
  | "row-field"
  | "enum"
  | "shared-lead"
  | "instrument-key"
  | "meta"
  | "nesting"
  | "text-content"
  | "text-growth"
  | "text-hard-cap"
  | "rows-per-update"
  | "pending";

type UpdateCheck =
  | {
      ok: true;
      /** Client ids under which the update introduces structs the document does not have yet. */
      newClients: number[];
      empty: boolean;
    }
  | { ok: false; rule: UpdateRule; reason: string };

/** Where a type sits in the board schema. */
type Node =
  | { kind: "root-rows" }
  | { kind: "root-meta" }
  | { kind: "row"; rowId: string }
  | { kind: "text"; field: TextField; rowId: string }
  | { kind: "instruments"; rowId: string }
  /** Content that will be garbage-collected on integration (its parent is gone): harmless. */
  | { kind: "gone" }
  | { kind: "invalid"; why: string };

const allowedRoots: ReadonlySet<string> = new Set(ROOT_TYPE_NAMES);
const textFields: ReadonlySet<string> = new Set(Object.keys(TEXT_FIELD_MAX));

class Refusal extends Error {
  constructor(
    readonly rule: UpdateRule,
    reason: string,
  ) {
    super(reason);
  }
}

const refuse = (rule: UpdateRule, reason: string): never => {
  throw new Refusal(rule, reason);
};

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/**
 * PERF-66: where each type of a document sits in the schema, once worked out. It depends only on the type's item,
 * that item's parent and map key, and so on up to the root: all fixed once integrated (Yjs never moves an item;
 * deleting or collecting one leaves the type object's own links as they were). So every check after the first one
 * in a row or text reads it here instead of walking row, field and root again per keystroke.
 */
const docTypeNodes = new WeakMap<Y.AbstractType<unknown>, Node>();

export function checkUpdate(doc: Y.Doc, update: Uint8Array): UpdateCheck {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { ok: false, rule: "decode", reason: "update does not decode" };
  }
  try {
    return new UpdateInspector(doc, decoded.structs, decoded.ds).inspect();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, rule: error.rule, reason: error.message };
    // A shape our reading did not foresee: refuse rather than let Yjs integrate it.
    return { ok: false, rule: "decode", reason: "update has an unreadable structure" };
  }
}

type DeleteSet = ReturnType<typeof Y.decodeUpdate>["ds"];
/** Where an item lands: its parent's schema node, its map key, and the id of the parent type's own item. */
interface Placement {
  parent: Node;
  key: string | null;
  typeId: Y.ID | null;
}
type ItemContent = Y.Item["content"];

class UpdateInspector {
  /** Structs of the update by client, in clock order. */
  private readonly byClient = new Map<number, (Y.Item | Y.GC)[]>();
  /** Per client: the clock up to which structs are known once this update is integrated. */
  private readonly knownAfter = new Map<number, number>();
  private readonly nodeOfTypeItem = new Map<string, Node>();
  private readonly placementOf = new Map<Y.Item, Placement>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: (Y.Item | Y.GC | Y.Skip)[],
    private readonly ds: DeleteSet,
  ) {}

  inspect(): UpdateCheck {
    this.indexAndCheckContiguity();
    this.checkDeleteSet();
    const newItems = this.structs.filter(
      (struct): struct is Y.Item =>
        struct instanceof Y.Item && struct.id.clock + struct.length > Y.getState(this.doc.store, struct.id.client),
    );
    for (const item of newItems) this.checkReferencesKnown(item);
    const growth = new Map<string, { node: Extract<Node, { kind: "text" }>; added: number; typeId: Y.ID | null }>();
    const rowWrites = new Map<string, Map<string, unknown>>();
    let newRows = 0;
    for (const item of newItems) {
      const { parent, key } = this.placement(item);
      this.checkItem(item, parent, key);
      // Content the same update deletes (overwritten values, undone typing) is checked for shape only.
      if (Y.isDeleted(this.ds, item.id)) continue;
      if (parent.kind === "root-rows" && item.content instanceof Y.ContentType) newRows += 1;
      if (parent.kind === "text" && item.content instanceof Y.ContentString) {
        const typeId = this.placement(item).typeId;
        const parentKey = typeId ? idKey(typeId) : `new:${idKey(item.id)}`;
        const entry = growth.get(parentKey) ?? { node: parent, added: 0, typeId };
        entry.added += item.content.str.length;
        growth.set(parentKey, entry);
      }
      if (
        parent.kind === "row" &&
        (key === "responsibility" || key === "lead") &&
        item.content instanceof Y.ContentAny
      ) {
        // Per client: each client's setResponsibility writes a consistent pair.
        const rowTypeId = this.placement(item).typeId;
        const rowKey = `${rowTypeId ? idKey(rowTypeId) : "?"}|${item.id.client}`;
        const writes = rowWrites.get(rowKey) ?? new Map<string, unknown>();
        writes.set(key, item.content.arr[0]);
        rowWrites.set(rowKey, writes);
      }
    }
    if (newRows > BOARD_LIMITS.maxRowsPerUpdate)
      refuse("rows-per-update", `update adds ${newRows} rows; at most ${BOARD_LIMITS.maxRowsPerUpdate} per update`);
    for (const { node, added, typeId } of growth.values()) this.checkGrowth(node, added, typeId);
    for (const writes of rowWrites.values()) checkSharedLead(writes);
    const newClients = [...this.byClient.keys()].filter(
      (client) => (this.knownAfter.get(client) ?? 0) > Y.getState(this.doc.store, client),
    );
    return { ok: true, newClients, empty: this.structs.length === 0 && this.ds.clients.size === 0 };
  }

  /** Structs must continue the document's state for their client; a gap means they depend on unknown ones. */
  private indexAndCheckContiguity(): void {
    for (const struct of this.structs) {
      const { client, clock } = struct.id;
      if (struct instanceof Y.Skip) continue;
      const known = this.knownAfter.get(client) ?? Y.getState(this.doc.store, client);
      if (clock > known)
        refuse("pending", `update skips changes ${client}:${known}..${clock - 1} the server never saw`);
      this.knownAfter.set(client, Math.max(known, clock + struct.length));
      const list = this.byClient.get(client) ?? [];
      list.push(struct);
      this.byClient.set(client, list);
    }
  }

  private known(id: Y.ID): boolean {
    const state = this.knownAfter.get(id.client) ?? Y.getState(this.doc.store, id.client);
    return id.clock < state;
  }

  /** Deletions of changes nobody has would stay pending in the document and be shipped to every client. */
  private checkDeleteSet(): void {
    this.ds.clients.forEach((ranges: { clock: number; len: number }[], client: number) => {
      for (const range of ranges) {
        if (!this.known(Y.createID(client, range.clock + range.len - 1)))
          refuse("pending", `update deletes changes of client ${client} the server never saw`);
      }
    });
  }

  private checkReferencesKnown(item: Y.Item): void {
    for (const id of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      // A struct can only refer to what existed when it was written: of its own client, an earlier clock. Yjs
      // checks dependencies on other clients only and looks a later own clock up before it exists, throwing in
      // the middle of the transaction (COLLAB-18; a single bit flip of a parent clock does it).
      if (id && id.client === item.id.client && id.clock >= item.id.clock)
        refuse("decode", `change ${idKey(item.id)} refers to ${idKey(id)}, a later change of its own client`);
      if (id && !this.known(id)) refuse("pending", `update depends on change ${idKey(id)} the server never saw`);
    }
  }

  /** The struct (from the update or the document) that contains `id`. */
  private structAt(id: Y.ID): Y.Item | Y.GC | null {
    const fromUpdate = this.findInUpdate(id);
    if (fromUpdate) return fromUpdate;
    if (id.clock >= Y.getState(this.doc.store, id.client)) return null;
    const struct = Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
    return struct;
  }

  /** Binary search: an update's structs of one client are in clock order (no quadratic walk on big imports). */
  private findInUpdate(id: Y.ID): Y.Item | Y.GC | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle];
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return null;
  }

  /** Parent node and map key of an item, following origins the way Yjs does at integration. */
  private placement(item: Y.Item): Placement {
    const cached = this.placementOf.get(item);
    if (cached) return cached;
    // Follow the origin chain iteratively (a typed paragraph is a chain as long as the text).
    const chain: Y.Item[] = [];
    let current: Y.Item = item;
    let result: Placement | null = null;
    for (;;) {
      const known = this.placementOf.get(current);
      if (known) {
        result = known;
        break;
      }
      if (current.parent !== null && !this.isIntegrated(current)) {
        chain.push(current);
        const parent = current.parent;
        result =
          typeof parent === "string"
            ? { parent: this.rootNode(parent), key: current.parentSub, typeId: null }
            : { parent: this.nodeOfType(parent as Y.ID), key: current.parentSub, typeId: parent as Y.ID };
        break;
      }
      if (this.isIntegrated(current)) {
        result = this.placementInDoc(current);
        break;
      }
      chain.push(current);
      const neighbourId = current.origin ?? current.rightOrigin;
      if (!neighbourId) refuse("row-shape", "update has an item with neither parent nor neighbour");
      const neighbour = this.structAt(neighbourId!);
      if (!neighbour || neighbour instanceof Y.GC) {
        result = { parent: { kind: "gone" }, key: null, typeId: null };
        break;
      }
      current = neighbour;
      if (chain.length > this.structs.length + 1) refuse("row-shape", "update has a cycle of neighbours");
    }
    for (const link of chain) this.placementOf.set(link, result);
    return result;
  }

  private isIntegrated(item: Y.Item): boolean {
    return item.parent !== null && typeof item.parent === "object" && !(item.parent instanceof Y.ID);
  }

  /** Placement of an item already in the document (its parent is a live type object). */
  private placementInDoc(item: Y.Item): Placement {
    const type = item.parent as unknown as Y.AbstractType<unknown> | undefined;
    if (!type) return { parent: { kind: "gone" }, key: null, typeId: null };
    return { parent: this.nodeOfDocType(type), key: item.parentSub, typeId: type._item?.id ?? null };
  }

  private rootNode(name: string): Node {
    if (!allowedRoots.has(name)) refuse("root-type", `update writes unknown root type "${name}"`);
    return name === "rows" ? { kind: "root-rows" } : { kind: "root-meta" };
  }

  private nodeOfDocType(type: Y.AbstractType<unknown>): Node {
    const known = docTypeNodes.get(type);
    if (known) return known;
    const node =
      type._item === null
        ? this.rootNode(Y.findRootTypeKey(type))
        : (this.nodeOfTypeItem.get(idKey(type._item.id)) ?? this.classify(type._item, type));
    docTypeNodes.set(type, node);
    return node;
  }

  /** Node of the type created by the item with this id (from the update or the document). */
  private nodeOfType(id: Y.ID): Node {
    const cached = this.nodeOfTypeItem.get(idKey(id));
    if (cached) return cached;
    const struct = this.structAt(id);
    if (!struct || struct instanceof Y.GC) return { kind: "gone" };
    if (struct.id.clock !== id.clock) refuse("nesting", "update writes inside a character, not a type");
    if (!(struct.content instanceof Y.ContentType)) return { kind: "gone" }; // deleted type: content is collected
    return this.classify(struct, struct.content.type);
  }

  /** What a type item is, from where it sits and which Yjs type it holds. */
  private classify(item: Y.Item, type: Y.AbstractType<unknown>): Node {
    const { parent, key } = this.isIntegrated(item) ? this.placementInDoc(item) : this.placement(item);
    let node: Node;
    if (parent.kind === "gone") node = parent;
    else if (parent.kind === "root-rows" && key !== null && type instanceof Y.Map) node = { kind: "row", rowId: key };
    else if (parent.kind === "row" && key !== null && textFields.has(key) && type instanceof Y.Text)
      node = { kind: "text", field: key as TextField, rowId: parent.rowId };
    else if (parent.kind === "row" && key === "instruments" && type instanceof Y.Map)
      node = { kind: "instruments", rowId: parent.rowId };
    else node = { kind: "invalid", why: "a type outside the board schema" };
    this.nodeOfTypeItem.set(idKey(item.id), node);
    return node;
  }

  private checkItem(item: Y.Item, parent: Node, key: string | null): void {
    const content = item.content;
    if (content instanceof Y.ContentDeleted) return; // arrives deleted: holds nothing
    switch (parent.kind) {
      case "gone":
        return;
      case "invalid":
        return refuse("nesting", `update writes inside ${parent.why}`);
      case "root-meta": {
        const schema = key === null ? undefined : META_FIELD_SCHEMA[key as keyof typeof META_FIELD_SCHEMA];
        if (
          !schema ||
          !(content instanceof Y.ContentAny) ||
          content.arr.length !== 1 ||
          content.arr[0] !== schema.value
        )
          refuse("meta", `meta may only hold schemaVersion ${META_FIELD_SCHEMA.schemaVersion.value}`);
        return;
      }
      case "root-rows":
        if (key === null) refuse("row-shape", "rows is a map: update inserts list content into it");
        if (!ROW_ID_PATTERN.test(key!))
          refuse("row-id", `row id "${key!.slice(0, 80)}" is not 1-64 of A-Z a-z 0-9 _ -`);
        if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map))
          refuse("row-shape", `row ${key} must be a map`);
        return;
      case "row":
        return checkRowField(parent.rowId, key, content);
      case "text":
        if (key !== null || !(content instanceof Y.ContentString))
          refuse("text-content", `${parent.field} of row ${parent.rowId} may only hold plain text`);
        return;
      case "instruments":
        if (key === null || !INSTRUMENT_KEY_PATTERN.test(key))
          refuse("instrument-key", `instrument key "${(key ?? "").slice(0, 80)}" is not 1-100 of A-Z a-z 0-9 . _ : -`);
        if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || content.arr[0] !== true)
          refuse("instrument-key", `instrument ${key} must be set to true`);
        return;
    }
  }

  private checkGrowth(node: Extract<Node, { kind: "text" }>, added: number, typeId: Y.ID | null): void {
    const max = BOARD_LIMITS.textGrowthPerUpdate[node.field];
    if (added > max)
      refuse("text-growth", `update adds ${added} characters to ${node.field} of row ${node.rowId}; at most ${max}`);
    const existing = typeId ? this.structAt(typeId) : null;
    const current =
      existing instanceof Y.Item && existing.content instanceof Y.ContentType && this.isIntegrated(existing)
        ? existing.content.type._length
        : 0;
    const cap = max * BOARD_LIMITS.hardTextLengthFactor;
    if (current + added > cap)
      refuse(
        "text-hard-cap",
        `${node.field} of row ${node.rowId} would hold ${current + added} characters; cap ${cap}`,
      );
  }
}

function checkRowField(rowId: string, key: string | null, content: ItemContent): void {
  if (key === null) return refuse("row-shape", `row ${rowId} is a map: update inserts list content into it`);
  const schema = (ROW_FIELD_SCHEMA as Record<string, (typeof ROW_FIELD_SCHEMA)[keyof typeof ROW_FIELD_SCHEMA]>)[key];
  if (!schema) return refuse("row-field", `rows have no field "${key.slice(0, 40)}"`);
  const value = content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined;
  switch (schema.kind) {
    case "row-id":
      if (value !== rowId) refuse("row-id", `row ${rowId}: id must equal the row's key`);
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value))
        refuse("row-field", `row ${rowId}: ${key} must be a number`);
      return;
    case "enum":
      if (typeof value !== "string" || !(schema.values as readonly string[]).includes(value))
        refuse("enum", `row ${rowId}: ${key} must be one of ${schema.values.map((v) => JSON.stringify(v)).join(", ")}`);
      return;
    case "text":
      if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Text))
        refuse("row-shape", `row ${rowId}: ${key} must be a text`);
      return;
    case "instrument-set":
      if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map))
        refuse("row-shape", `row ${rowId}: instruments must be a map`);
      return;
  }
}

/** Responsibility and lead are written together, lead set exactly when Shared (core setResponsibility). */
function checkSharedLead(writes: Map<string, unknown>): void {
  if (!writes.has("responsibility") || !writes.has("lead"))
    refuse("shared-lead", "responsibility and lead must be written together");
  const shared = writes.get("responsibility") === "Shared";
  const hasLead = writes.get("lead") !== "";
  if (shared !== hasLead) refuse("shared-lead", "lead is set exactly when responsibility is Shared");
}
