package org.learnstats.run;

import java.nio.file.Path;
import java.util.List;

import org.learnstats.support.Inbox;

/**
 * A very small real inbox for tests that run the whole nightly job several times: two units, five
 * people (with names), attendance in 2025-Q3 (closed on 2025-10-08, so a pack is due), a rejected
 * row carrying a name, and a quarantined file.
 */
final class TinyOrganization {

	static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2025, 10, 8);

	/** The roster's names: they may appear under restricted/ only. */
	static final List<String> NAMES = List.of("陈志娜", "高旭敏", "李卫东", "王秀英", "赵子墨");

	private TinyOrganization() {
	}

	static Inbox write(Path dir) {
		return new Inbox(dir).file("SWB/机构设置.csv", """
				序号,单位名称,单位代码,单位类型,上级单位代码,备注
				1,省委宣传部,SWB,党组,,
				2,办公室党支部,SWB-BGS,党支部,SWB,
				""").file("SWB/人员信息表.csv", """
				序号,工号,姓名,职务,职级,学历,出生日期,所在单位代码,到岗日期,调离日期
				1,P0001,陈志娜,部长,厅级,研究生,1970/4/9,SWB,2001/10/20,
				2,P0002,高旭敏,副部长,副厅级,硕士,1971/4/10,SWB,2009/10/25,
				3,P0003,李卫东,主任,处级,本科,1980/5/1,SWB-BGS,2010/1/1,
				4,P0004,王秀英,科员,科级,大专,1990/6/2,SWB-BGS,2015/3/1,
				5,P0005,赵子墨,科员,科级,本科,1992/7/3,SWB-BGS,2018/9/1,
				""").file("SWB/学习活动签到_2025.csv", """
				unit_code,session_id,session_date,session_type,duration_hours,person_id,姓名,status,学习内容
				SWB,S1,2025-09-09,理论学习中心组,6.5,P0001,陈志娜,出勤,理论学习
				SWB,S1,2025-09-09,理论学习中心组,6.5,P0002,高旭敏,缺勤,理论学习
				SWB-BGS,S2,2025-08-12,支部学习,2,P0003,李卫东,出勤,支部学习
				SWB-BGS,S2,2025-08-12,支部学习,2,P0004,王秀英,出勤,支部学习
				SWB-BGS,S2,2025-13-12,支部学习,2,P0005,赵子墨,出勤,支部学习
				""").file("SWB/notes.csv", """
				序号,事项,责任人,完成时限,备注
				1,报送第三季度学习情况,办公室,2025-10-10,
				""");
	}

}
