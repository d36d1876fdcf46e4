package org.learnstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.support.TestWorkbook;

/**
 * Spec section 2.4 and issue 14: a workbook that cannot be read is quarantined BAD_WORKBOOK with a
 * clear detail, within bounded time and memory, and never stops the scan.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadWorkbooksTest {

	static final List<Object[]> UNITS = List.of(new Object[] { "单位代码", "单位名称", "上级单位代码", "单位类型" },
			new Object[] { "U9", "新支部", "U1", "党支部" });

	@TempDir
	Path dir;

	InboxFile only(String name) throws IOException {
		List<InboxFile> files = new InboxScanner(Kinds.ALL).scan(this.dir).files();
		assertThat(files).hasSize(1);
		InboxFile f = files.get(0);
		assertThat(f.relativePath()).startsWith(name);
		assertThat(f.fileRejection()).as(f.relativePath()).isNotNull();
		assertThat(f.kind()).isNull();
		assertThat(FileIngester.countRows(f)).isZero();
		return f;
	}

	@Test
	void anEncryptedWorkbook() throws Exception {
		Path plain = TestWorkbook.xlsx().sheet("单位", UNITS).write(this.dir.resolve("../plain.xlsx"));
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
			Encryptor enc = info.getEncryptor();
			enc.confirmPassword("secret");
			try (OutputStream os = enc.getDataStream(fs); InputStream in = Files.newInputStream(plain)) {
				in.transferTo(os);
			}
			try (OutputStream out = Files.newOutputStream(this.dir.resolve("locked.xlsx"))) {
				fs.writeFilesystem(out);
			}
		}
		InboxFile f = only("locked.xlsx");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.BAD_WORKBOOK);
		assertThat(f.fileRejection().english()).contains("encrypted");
		assertThat(f.fileRejection().detail()).isEqualTo("工作簿已加密（设有密码）：请去掉密码后重新保存");
		assertThat(f.relativePath()).isEqualTo("locked.xlsx");
	}

	@Test
	void aCorruptWorkbook() throws IOException {
		Path good = TestWorkbook.xlsx().sheet("单位", UNITS).write(this.dir.resolve("../good.xlsx"));
		byte[] bytes = Files.readAllBytes(good);
		Files.write(this.dir.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
		InboxFile f = only("cut.xlsx");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.BAD_WORKBOOK);
		assertThat(f.fileRejection().english()).contains("corrupt");
		assertThat(f.fileRejection().detail()).startsWith("工作簿已损坏或无法读取：");
	}

	@Test
	void aZipBomb() throws IOException {
		Path good = TestWorkbook.xlsx().sheet("单位", UNITS).write(this.dir.resolve("../good.xlsx"));
		Path bomb = this.dir.resolve("bomb.xlsx");
		try (ZipFile in = new ZipFile(good.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
			for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
				ZipEntry entry = e.nextElement();
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
					int at = xml.indexOf("<row");
					out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
					byte[] spaces = new byte[1 << 20];
					Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 30; i++) {
						out.write(spaces);
					}
					out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.getInputStream(entry).transferTo(out);
				}
				out.closeEntry();
			}
		}
		InboxFile f = only("bomb.xlsx");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.BAD_WORKBOOK);
		assertThat(f.fileRejection().english()).contains("zip bomb");
		assertThat(f.fileRejection().detail()).startsWith("工作簿疑似压缩炸弹");
	}

	@Test
	void aSheetOfMoreRowsThanTheLimit() throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			var sheet = wb.createSheet("单位");
			for (int r = 0; r < UNITS.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < 4; c++) {
					row.createCell(c).setCellValue(String.valueOf(UNITS.get(r)[c]));
				}
			}
			sheet.createRow(1_048_575).createCell(0).setCellValue("U10");
			try (OutputStream out = Files.newOutputStream(this.dir.resolve("big.xlsx"))) {
				wb.write(out);
			}
		}
		InboxFile f = only("big.xlsx#单位");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.BAD_WORKBOOK);
		assertThat(f.fileRejection().detail()).contains("1048576").contains("1000000");
	}

	@Test
	void anExcel95Workbook() throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			// a BIFF5 BOF record: what Excel 5.0/95 keeps in its "Book" stream
			fs.createDocument(new ByteArrayInputStream(new byte[] { 9, 8, 8, 0, 0, 5, 5, 0, 0, 0, 0, 0 }), "Book");
			try (OutputStream out = Files.newOutputStream(this.dir.resolve("old.xls"))) {
				fs.writeFilesystem(out);
			}
		}
		InboxFile f = only("old.xls");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.BAD_WORKBOOK);
		assertThat(f.fileRejection().english()).contains("Excel 5.0/95");
		assertThat(f.fileRejection().detail()).contains("Excel 5.0/95").contains("请另存为 .xlsx");
	}

	@Test
	void aCsvNamedXlsx() throws IOException {
		Files.writeString(this.dir.resolve("units.xlsx"), "unit_code,unit_name,parent_code,unit_type\nU8,x,,office\n");
		InboxFile f = only("units.xlsx");
		assertThat(f.fileRejection().reason()).isEqualTo(Reason.BAD_WORKBOOK);
		assertThat(f.fileRejection().english()).contains("no Excel workbook").contains(".csv");
		assertThat(f.fileRejection().detail()).contains("不是 Excel 工作簿").contains(".csv");
		assertThat(f.text().sha256()).isEqualTo(TextEncoding.of(this.dir.resolve("units.xlsx")).sha256());
	}

	@Test
	void aWorkbookOfEmptySheetsIsAnEmptyFile() throws IOException {
		TestWorkbook.xlsx().emptySheet("Sheet1").emptySheet("Sheet2").write(this.dir.resolve("e.xlsx"));
		assertThat(only("e.xlsx").fileRejection().reason()).isEqualTo(Reason.EMPTY_FILE);
	}

	@Test
	void theFormatIsReadFromTheBytesNotTheName() throws IOException {
		TestWorkbook.xlsx().sheet("单位", UNITS).write(this.dir.resolve("really-xlsx.xls"));
		List<InboxFile> files = new InboxScanner(Kinds.ALL).scan(this.dir).files();
		assertThat(files).singleElement().satisfies((f) -> {
			assertThat(f.kindName()).isEqualTo("units");
			assertThat(f.text().encoding()).isEqualTo("xlsx");
		});
	}

}
