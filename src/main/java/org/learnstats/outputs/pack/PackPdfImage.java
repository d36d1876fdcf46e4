package org.learnstats.outputs.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.learnstats.outputs.charts.PngRows;

/**
 * A chart's PNG as a PDF image: its compressed rows become the image stream with the PNG
 * predictors named, the dictionary PDFBox's own PNG import writes. That import checks every
 * chunk's CRC in Java, byte by byte, which was a twentieth of a year's packs; these PNGs were
 * written a moment ago by the chart code. Any other PNG goes through PDFBox's import.
 */
final class PackPdfImage {

	private PackPdfImage() {
	}

	static PDImageXObject of(PDDocument document, byte[] png, String name) throws IOException {
		PngRows rows = PngRows.of(png);
		if (rows == null) {
			return PDImageXObject.createFromByteArray(document, png, name);
		}
		PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(rows.zlib()),
				COSName.FLATE_DECODE, rows.width(), rows.height(), 8, PDDeviceRGB.INSTANCE);
		COSDictionary predictor = new COSDictionary();
		predictor.setInt(COSName.BITS_PER_COMPONENT, 8);
		predictor.setInt(COSName.PREDICTOR, 15);
		predictor.setInt(COSName.COLUMNS, rows.width());
		predictor.setInt(COSName.COLORS, 3);
		image.getCOSObject().setItem(COSName.DECODE_PARMS, predictor);
		return image;
	}

}
