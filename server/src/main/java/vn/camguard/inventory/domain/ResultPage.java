package vn.camguard.inventory.domain;

import java.util.List;

/**
 * One page of a list whose total is counted only up to a cap, so that a province-wide list of a
 * million devices never pays for a full COUNT(*).
 *
 * @param items the rows of this page
 * @param page zero-based page number
 * @param size page size
 * @param total number of matching rows, at most {@code countCap}
 * @param countCap the cap; {@code total == countCap} means "at least that many"
 */
public record ResultPage<T>(List<T> items, int page, int size, long total, long countCap) {

	public ResultPage {
		items = List.copyOf(items);
	}

	public boolean totalCapped() {
		return total >= countCap;
	}

	/** Shown total: the cap minus one when capped (the page then says "10,000+"). */
	public long shownTotal() {
		return totalCapped() ? countCap - 1 : total;
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	/**
	 * How many pages the total fills; when the total is capped, how many the cap fills (the page
	 * then says "of more than ..."), as pages beyond it are not counted.
	 */
	public long pageCount() {
		return Math.max(1, (shownTotal() + size - 1) / size);
	}

	public long lastPage() {
		return total == 0 ? 0 : (total - 1) / size;
	}

}
