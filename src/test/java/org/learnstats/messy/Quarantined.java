package org.learnstats.messy;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The quarantined files of a night, one for each file-level reason of spec section 2.3, with
 * bytes of their own each night so that every quarter holds each.
 */
final class Quarantined {

	private Quarantined() {
	}

	static List<Delivery> files(int night, String day) {
		ByteArrayOutputStream notText = new ByteArrayOutputStream();
		notText.writeBytes(MessyInbox.utf8("unit_code,unit_name,unit_type\n"));
		notText.writeBytes(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0 });
		notText.writeBytes(MessyInbox.utf8(day));
		return List.of(
				Delivery.file("misc/" + day + "/填报说明.txt",
						MessyInbox.utf8("填报说明：请各单位于每月5日前报送\n" + day + " 综合处\n")),
				Delivery.file("SZ-JJ/" + day + "/考勤-缺列.csv",
						MessyInbox.utf8("unit_code,session_id,session_date,session_type,duration_hours,person_id\n"
								+ "SZ-JJ,Q-" + day + "," + day + ",lecture,2,P0001\nSZ-JJ,Q-" + day + "," + day
								+ ",lecture,2,P0002\n")),
				Delivery.file("SKY/" + day + "/empty.csv", MessyInbox.utf8("\r\n".repeat(night))),
				Delivery.file("SZ-ZZ/" + day + "/导出.csv", notText.toByteArray()));
	}

}
