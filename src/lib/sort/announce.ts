import type { SortEvent } from './types.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Shows a column value the way the grid does: +3, 0, −2 (with a real minus sign). */
export function columnLabel(value: number): string {
	return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}

/**
 * The sentence a screen reader hears after a sort action, e.g. "Stelling 12 geplaatst in kolom +3,
 * 2 van 3 plaatsen bezet". Empty when there is nothing worth saying.
 */
export function announcement(event: SortEvent, t: Translate, number: (code: string) => number): string {
	switch (event.kind) {
		case 'placed':
			return t('sort.announce.placed', {
				n: number(event.card),
				column: columnLabel(event.column),
				count: event.count,
				capacity: event.capacity
			});
		case 'full':
			return t('sort.announce.full', { column: columnLabel(event.column), capacity: event.capacity });
		case 'swapped':
			return event.otherColumn === null
				? t('sort.announce.swappedOut', {
						n: number(event.card),
						other: number(event.other),
						column: columnLabel(event.column)
					})
				: t('sort.announce.swapped', {
						n: number(event.card),
						other: number(event.other),
						column: columnLabel(event.column),
						otherColumn: columnLabel(event.otherColumn)
					});
		case 'unplaced':
			return t('sort.announce.unplaced', { n: number(event.card) });
		case 'selected':
			return event.card === null
				? t('sort.announce.deselected')
				: t('sort.announce.selected', { n: number(event.card) });
		case 'roughSorted':
			return t('sort.announce.roughSorted', { n: number(event.card), pile: t(`sort.pile.${event.pile}`) });
		case 'undone':
			return t('sort.announce.undone');
		case 'nothing':
			return '';
	}
}
