package vn.camguard.shared.spreadsheet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much an uploaded table may hold ({@code camguard.upload.*}). A small XLSX can expand to
 * gigabytes, so the reader counts what it expands and refuses a file at the first byte past a limit,
 * before it holds more than the limits allow in memory. A zero or missing value takes the default.
 *
 * @param maxFileSize the upload itself (default 50 MB, as the multipart limit)
 * @param maxExpandedSize all XLSX parts read, once inflated (default 512 MB: a 200,000-row sheet of
 *        inline strings is about 250 MB)
 * @param maxPartSize one XLSX part once inflated (default 300 MB)
 * @param maxCompressionRatio inflated bytes per compressed byte of one ZIP entry (default 100; real
 *        sheets stay far below, a bomb far above)
 * @param maxCellChars one cell (default 32,767, the most Excel itself puts in a cell)
 * @param maxSharedStrings entries of an XLSX shared-strings table (default 2,000,000)
 * @param maxSharedStringChars characters of the whole shared-strings table, all held in memory
 *        (default 32,000,000)
 * @param maxRows rows of the sheet or records of a CSV file, blank ones included (default 1,048,576,
 *        Excel's own limit); callers refuse fewer data rows on their own terms
 * @param maxColumns cells of one row, or the column a cell names (default 16,384, Excel's own limit)
 * @param maxLineChars one CSV record, quoted line breaks included (default 1,000,000)
 */
@ConfigurationProperties("camguard.upload")
public record UploadLimits(DataSize maxFileSize, DataSize maxExpandedSize, DataSize maxPartSize,
		int maxCompressionRatio, int maxCellChars, int maxSharedStrings, long maxSharedStringChars, int maxRows,
		int maxColumns, int maxLineChars) {

	/** The defaults, for readers outside Spring (tests, tools). */
	public static final UploadLimits DEFAULTS = new UploadLimits(null, null, null, 0, 0, 0, 0, 0, 0, 0);

	public UploadLimits {
		maxFileSize = positive(maxFileSize, DataSize.ofMegabytes(50));
		maxExpandedSize = positive(maxExpandedSize, DataSize.ofMegabytes(512));
		maxPartSize = positive(maxPartSize, DataSize.ofMegabytes(300));
		maxCompressionRatio = maxCompressionRatio > 0 ? maxCompressionRatio : 100;
		maxCellChars = maxCellChars > 0 ? maxCellChars : 32_767;
		maxSharedStrings = maxSharedStrings > 0 ? maxSharedStrings : 2_000_000;
		maxSharedStringChars = maxSharedStringChars > 0 ? maxSharedStringChars : 32_000_000;
		maxRows = maxRows > 0 ? maxRows : 1_048_576;
		maxColumns = maxColumns > 0 ? maxColumns : 16_384;
		maxLineChars = maxLineChars > 0 ? maxLineChars : 1_000_000;
	}

	private static DataSize positive(DataSize size, DataSize otherwise) {
		return size == null || size.toBytes() <= 0 ? otherwise : size;
	}

}
