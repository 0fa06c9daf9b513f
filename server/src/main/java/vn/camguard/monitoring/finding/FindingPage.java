package vn.camguard.monitoring.finding;

import java.util.List;

/**
 * One page of findings; the total is counted only up to {@link FindingStore#COUNT_CAP}, so a province-wide list
 * of a million findings never pays for a full count.
 */
public record FindingPage(List<FindingView> items, int page, int size, long total) {

	public FindingPage {
		items = List.copyOf(items);
	}

	public boolean totalCapped() {
		return total >= FindingStore.COUNT_CAP;
	}

	public long shownTotal() {
		return totalCapped() ? FindingStore.COUNT_CAP - 1 : total;
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	public long pageCount() {
		return Math.max(1, (shownTotal() + size - 1) / size);
	}

}
