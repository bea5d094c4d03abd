import { ChevronDown, ChevronRight } from 'lucide-react';
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { personaDisplayName } from '../../shared/journey/personas/persona-fields.ts';
import { renameHeader } from '../../shared/journey/structure-edits.ts';
import { deleteRecords, updateNote } from '../../shared/model/edits.ts';
import { showNotes } from '../board/commands.ts';
import { boardLayout } from '../board/note-order.ts';
import { revealCell, revealHeader } from '../find/reveal.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { SidePanel } from '../ui/SidePanel.tsx';
import { InlineEditor } from './InlineEditor.tsx';
import { buildOutline } from './outline-model.ts';
import {
  isExpanded,
  noteKey,
  type OutlineNode,
  type OutlineTarget,
  outlineTree,
  stageKey,
  type VisibleItem,
  visibleItems,
} from './outline-tree.ts';
import { outlineVotes } from './outline-votes.ts';
import { treeMove, typeAhead } from './tree-navigation.ts';
import { useNoteDots } from './use-note-dots.ts';
import './outline.css';

interface OutlinePanelProps {
  readonly onClose: () => void;
}

/** Type-ahead letters typed within this many milliseconds add up to one prefix. */
const TYPE_AHEAD_MS = 700;

const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * What an item does on the board when it gets the focus: the board shows what the reader is on.
 * A note ranked in a vote on another scenario is not on the board: activating it goes there.
 */
const reveal = (target: OutlineTarget): void => {
  if (target.kind === 'note') showNotes(boardStore, [target.id]);
  else if (target.kind === 'ranked') showNotes(boardStore, [target.noteId]);
  else if (target.kind === 'stage') revealHeader(boardStore, 'stage', target.id);
  else if (target.kind === 'lane') revealCell(boardStore, target.stageId, target.laneId);
};

/** Activating a note ranked in a past vote: the board shows its scenario, then the note. */
const showRanked = (noteId: string): void => {
  const { doc, setScenario } = boardStore.getState();
  const note = doc && Object.hasOwn(doc.records, noteId) ? doc.records[noteId] : undefined;
  if (note?.type !== 'note' || note.isDeleted) return;
  setScenario(note.scenarioId);
  showNotes(boardStore, [noteId]);
};

/** The items the reader edits in place: notes, stages and lanes (not a note ranked in a vote). */
const editable = (
  target: OutlineTarget,
): target is Extract<OutlineTarget, { kind: 'note' | 'stage' | 'lane' }> =>
  target.kind === 'note' || target.kind === 'stage' || target.kind === 'lane';

const textOf = (target: OutlineTarget): string => {
  if (!editable(target)) return '';
  const records = boardStore.getState().doc?.records;
  const record = records?.[target.kind === 'lane' ? target.laneId : target.id];
  if (record?.type === 'note') return record.text;
  return record?.type === 'stage' || record?.type === 'lane' ? record.name : '';
};

/** Writes an inline edit to the map: one undo step, none when nothing changed. */
const commit = (target: OutlineTarget, value: string): void => {
  const edit = boardStore.getState().edit;
  if (target.kind === 'note')
    edit('Edit note text', (draft) => updateNote(draft, target.id, { text: value }));
  else if (target.kind === 'stage') edit('Rename stage', (draft) => renameHeader(draft, target.id, value));
  else if (target.kind === 'lane') edit('Rename lane', (draft) => renameHeader(draft, target.laneId, value));
};

/**
 * The scenario shown on the board as text, in a tree a keyboard and a screen reader can walk
 * (WAI-ARIA tree view): stages, the lanes in each with their notes (and the dots the board shows
 * on them), then the notes outside the grid, then the map's past votes with their notes ranked.
 * Focusing an item selects it on the board and pans there; Enter edits a note, F2 renames a stage
 * or lane (or edits a note), Delete deletes a note; Enter on a ranked note shows it, switching to
 * its scenario. It reads the board's store, so it always shows what the board shows.
 */
export const OutlinePanel = ({ onClose }: OutlinePanelProps) => {
  const doc = useBoard((state) => state.doc);
  const scenarioId = useBoard((state) => state.scenarioId);
  const selection = useBoard((state) => state.selection);
  const selectedHeader = useBoard((state) => state.selectedHeader);
  const { dots, own } = useNoteDots();
  const outline = useMemo(
    () => (doc && scenarioId ? buildOutline(doc, scenarioId, boardLayout(doc, scenarioId)) : null),
    [doc, scenarioId],
  );
  const past = useMemo(() => (doc ? outlineVotes(doc) : []), [doc]);
  const nodes = useMemo(
    () => (outline ? outlineTree(outline, { dots, own, past }) : []),
    [outline, dots, own, past],
  );
  /** The items the reader opened or closed (see isExpanded). */
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const items = useMemo(() => visibleItems(nodes, toggled), [nodes, toggled]);
  const [activeKey, setActiveKey] = useState<string | null>(() => {
    const [selected] = boardStore.getState().selection;
    return selected ? noteKey(selected) : null;
  });
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLDivElement>());
  const tree = useRef<HTMLDivElement>(null);
  /**
   * The item to focus once the next render has drawn it (after an edit or a deletion), and
   * whether focusing it shows it on the board.
   */
  const pendingFocus = useRef<{ key: string; reveal: boolean } | null>(null);
  const quietFocus = useRef<string | null>(null);
  /** The item with the keyboard focus, until the focus leaves the tree on purpose. */
  const focusedKey = useRef<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const keysId = useId();

  const tabKey = items.some((item) => item.node.key === activeKey) ? activeKey : (items[0]?.node.key ?? null);

  const focusItem = (key: string, show: boolean) => {
    const element = elements.current.get(key);
    if (!element || element === document.activeElement) return;
    if (!show) quietFocus.current = key;
    element.focus();
  };

  // The tree takes the focus when it opens, on the note selected on the board if there is one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the panel opens.
  useLayoutEffect(() => {
    if (tabKey) focusItem(tabKey, false);
  }, []);

  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    focusItem(pending.key, pending.reveal);
  });

  // The focused item went away (undo removed its note, a stage was deleted on the board): the
  // keyboard stays in the tree, on the item Tab lands on, instead of falling to the page.
  useLayoutEffect(() => {
    const gone = focusedKey.current;
    if (gone === null || elements.current.has(gone)) return;
    focusedKey.current = null;
    const active = document.activeElement;
    if ((active === null || active === document.body) && tabKey) focusItem(tabKey, false);
  });

  // A note or stage selected on the board becomes the item Tab lands on, scrolled into view.
  useEffect(() => {
    if (tree.current?.contains(document.activeElement)) return;
    const [note] = selection;
    const key =
      selection.size === 1 && note
        ? noteKey(note)
        : selectedHeader?.kind === 'stage'
          ? stageKey(selectedHeader.id)
          : null;
    const element = key ? elements.current.get(key) : undefined;
    if (!key || !element) return;
    setActiveKey(key);
    element.scrollIntoView?.({ block: 'nearest' });
  }, [selection, selectedHeader]);

  if (!outline) return null;

  const setExpanded = (key: string, expanded: boolean) => {
    const node = items.find((item) => item.node.key === key)?.node;
    if (!node) return;
    const next = new Set(toggled);
    if (expanded === !node.startsCollapsed) next.delete(key);
    else next.add(key);
    setToggled(next);
  };

  const deleteNote = (item: VisibleItem, id: string) => {
    const siblings = items.filter((candidate) => candidate.parent === item.parent);
    const index = siblings.indexOf(item);
    const neighbour = siblings[index + 1] ?? siblings[index - 1];
    boardStore.getState().edit('Delete note', (draft) => deleteRecords(draft, [id]));
    boardStore.getState().pruneSelection();
    const next = neighbour?.node.key ?? item.parent;
    if (next) {
      setActiveKey(next);
      pendingFocus.current = { key: next, reveal: true };
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = event.target;
    if (
      !(element instanceof HTMLElement) ||
      element.getAttribute('role') !== 'treeitem' ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey
    )
      return;
    const item = items.find((candidate) => candidate.node.key === element.dataset.key);
    if (!item) return;
    const { node } = item;
    const move = treeMove(items, node.key, event.key);
    if (NAVIGATION_KEYS.has(event.key)) {
      // Handled even at the ends of the tree, so the board does not nudge the selected note.
      event.preventDefault();
      if (move?.type === 'focus') focusItem(move.key, true);
      else if (move) setExpanded(move.key, move.type === 'expand');
      return;
    }
    const target = node.target;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      if (target.kind === 'note' || (event.key === 'F2' && editable(target))) setEditingKey(node.key);
      else if (target.kind === 'ranked') showRanked(target.noteId);
      else if (node.children.length > 0) setExpanded(node.key, !item.expanded);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      // Only notes are deleted here: removing a stage or lane is the board's, with its question.
      event.preventDefault();
      if (target.kind === 'note') deleteNote(item, target.id);
      return;
    }
    if (/^\p{L}$/u.test(event.key)) {
      event.preventDefault();
      const now = event.timeStamp;
      const text = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + event.key : event.key;
      typed.current = { text, at: now };
      const found = typeAhead(items, node.key, text);
      if (found) focusItem(found, true);
    }
  };

  const onItemFocus = (event: FocusEvent<HTMLDivElement>, node: OutlineNode) => {
    if (event.target !== event.currentTarget) return;
    focusedKey.current = node.key;
    setActiveKey(node.key);
    if (quietFocus.current === node.key) quietFocus.current = null;
    else reveal(node.target);
  };

  /** The item a mouse event happened on (not one of its children's). */
  const itemOf = (event: MouseEvent): VisibleItem | undefined => {
    const element = event.target instanceof Element ? event.target.closest('[role="treeitem"]') : null;
    return element instanceof HTMLElement
      ? items.find((candidate) => candidate.node.key === element.dataset.key)
      : undefined;
  };

  const onClick = (event: MouseEvent) => {
    const item = itemOf(event);
    if (item && event.target instanceof Element && event.target.closest('.outline-toggle'))
      setExpanded(item.node.key, !item.expanded);
  };

  const onDoubleClick = (event: MouseEvent) => {
    const item = itemOf(event);
    const onToggle = event.target instanceof Element && event.target.closest('.outline-toggle');
    if (!item || onToggle) return;
    if (editable(item.node.target)) setEditingKey(item.node.key);
    else if (item.node.target.kind === 'ranked') showRanked(item.node.target.noteId);
  };

  const isSelected = (node: OutlineNode): boolean => {
    const target = node.target;
    if (target.kind === 'note') return selection.has(target.id);
    if (target.kind === 'stage') return selectedHeader?.kind === 'stage' && selectedHeader.id === target.id;
    if (target.kind === 'lane')
      return selectedHeader?.kind === 'lane' && selectedHeader.id === target.laneId && node.key === activeKey;
    // The note's own row says it is selected; this one only while the reader is on it.
    if (target.kind === 'ranked') return selection.has(target.noteId) && node.key === activeKey;
    return false;
  };

  const renderNode = (node: OutlineNode): ReactNode => {
    const expandable = node.children.length > 0;
    const expanded = isExpanded(node, toggled);
    const editing = editingKey === node.key;
    return (
      <div
        key={node.key}
        ref={(element) => {
          if (element) elements.current.set(node.key, element);
          return () => {
            elements.current.delete(node.key);
          };
        }}
        role="treeitem"
        className="outline-item"
        data-key={node.key}
        data-kind={node.target.kind}
        aria-label={node.label}
        aria-expanded={expandable ? expanded : undefined}
        aria-selected={isSelected(node)}
        tabIndex={node.key === tabKey ? 0 : -1}
        onFocus={(event) => onItemFocus(event, node)}
      >
        <div className="outline-row">
          <span className="outline-toggle" aria-hidden>
            {expandable && (expanded ? <ChevronDown /> : <ChevronRight />)}
          </span>
          <span className="outline-text">
            {node.badge && <span className="outline-badge">{node.badge}</span>}
            {editing ? (
              <InlineEditor
                initial={textOf(node.target)}
                label={
                  node.target.kind === 'note'
                    ? 'Note text'
                    : `${node.target.kind === 'stage' ? 'Stage' : 'Lane'} name`
                }
                multiline={node.target.kind === 'note'}
                onDone={(value, refocus) => {
                  setEditingKey(null);
                  if (value !== null) commit(node.target, value);
                  if (refocus) pendingFocus.current = { key: node.key, reveal: false };
                }}
              />
            ) : (
              <span className="outline-title">{node.title}</span>
            )}
            {node.detail && <span className="outline-detail">{node.detail}</span>}
          </span>
        </div>
        {expanded && (
          // biome-ignore lint/a11y/useSemanticElements: the tree view pattern nests child items in a group; a fieldset is for form fields.
          <div role="group" className="outline-group">
            {node.children.map(renderNode)}
          </div>
        )}
      </div>
    );
  };

  const persona = outline.persona;
  return (
    <SidePanel title="Outline" className="outline-panel" onClose={onClose}>
      <h3 className="outline-map">{outline.mapName}</h3>
      <p className="outline-context">
        {outline.scenarioName} scenario
        {persona && (
          <>
            {' · Persona: '}
            <strong>{personaDisplayName(persona)}</strong>
            {persona.role && `, ${persona.role}`}
          </>
        )}
      </p>
      <p id={keysId} className="outline-keys">
        Arrow keys move, Enter edits a note, F2 renames, Delete deletes a note.
      </p>
      {nodes.length === 0 ? (
        <p className="empty">No stages or notes in this scenario yet.</p>
      ) : (
        <div
          ref={tree}
          role="tree"
          className="outline-tree"
          aria-label={`${outline.mapName}, ${outline.scenarioName} scenario`}
          aria-describedby={keysId}
          onKeyDown={onKeyDown}
          onClick={onClick}
          onDoubleClick={onDoubleClick}
          onBlur={(event) => {
            // Leaving for another control, not an item removed from under the focus.
            if (event.target.isConnected && !tree.current?.contains(event.relatedTarget as Node | null))
              focusedKey.current = null;
          }}
        >
          {nodes.map(renderNode)}
        </div>
      )}
    </SidePanel>
  );
};
