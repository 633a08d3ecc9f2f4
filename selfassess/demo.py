"""``selfassess demo``: sample department files with plausible answers, to try things out.

The narratives paraphrase the facts of a real bureau's 自查报告 (专题研究3次, 中心组学习,
舆情处置4起, 灯塔党建在线答题 …) at the scale of one 处室. Results are deterministic: the same
folder content every run. Existing files are never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from selfassess.bureau import Review, apply_reviews, create_bureau, merge_files
from selfassess.checklist import Checklist, Item, load_builtin
from selfassess.checklist.builtin import DEFAULT_CHECKLIST_ID
from selfassess.errors import InputRefused
from selfassess.i18n import _
from selfassess.numbers import decimal_text
from selfassess.scoring import Aid, propose_score, proposed_losses
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource, Measure, Shortcoming

PERIOD = "2026"
BUREAU = "XX市水利局"

NARRATIVES = {
    "1.1": ("及时传达学习中央和省、市委关于意识形态工作的部署,5月、9月、11月组织专题学习,"
            "7月传达上级通报2次,均有学习记录和签到表。"),
    "1.2": "全年召开处务会专题研究意识形态工作{n}次,研究制定了贯彻落实措施并明确责任人。",
    "1.3": "将意识形态工作写入年度工作要点,在年度工作部署会、半年工作总结会上同部署、同检查。",
    "1.4": "明确处长为第一责任人、副处长协助抓好统筹协调,处长全年带头讲党课1次,组织生活会对照检查意识形态工作。",
    "1.5": "在半年工作总结和年终述职中专门报告意识形态工作履职情况。",
    "2.1": "成立意识形态工作小组,明确处长、分管副处长和联络员职责,人员调整后及时更新分工。",
    "2.2": "制定贯彻意识形态工作责任制的措施方案和网络舆情处置预案,并结合本处业务作了修订。",
    "2.3": "上下半年各召开1次分析研判会,形成研判记录,向全处通报意识形态领域情况{n}次。",
    "2.4": "6月、12月向局党委专题报告意识形态工作,报送记录齐全。",
    "2.5": "将意识形态工作纳入处室年度考核,开展对照自查,建立问题台账并逐条销号。",
    "3.1": "制定年度理论学习方案和月度计划,落实“五个一”制度,考勤、学前通知、学后总结齐全。",
    "3.2": "全年开展集中学习{n}次,学习党的创新理论和上级部署,参学率95%以上。",
    "3.3": "结合“大学习、大调研、大改进”开展专题研讨{n}次,集体观看专题片《不朽的马克思》。",
    "3.4": "处级干部每人撰写调研报告1篇,向机关党建网报送理论学习稿件6篇。",
    "3.5": "规范落实“三会一课”,开展“重温入党誓词”主题党日活动。",
    "3.6": "组织参加“道德讲堂”,到纪念馆和廉政教育基地开展现场教学{n}次。",
    "4.1": "举办专题辅导2次,主讲人和内容事先报备审核,审核记录完整。",
    "4.2": "与主流媒体合作推送重点宣传报道{n}篇,建立报道清单。",
    "4.3": "本处负责的网站栏目和公众号稿件实行三审制,落实政治审查和保密审查。",
    "4.4": "建立宣传栏、电子屏台账,每季度检查更新,内容导向正确。",
    "5.1": "明确专人负责网络舆情监测,建立每日监测日志。",
    "5.2": "全年及时处置涉水舆情{n}起,按规定报告,处置台账完整。",
    "5.3": "通过“行风在线”“民生在线”及时答复网上信访,按期答复率100%。",
    "5.4": "选派1名干部参加全市舆情应对专题培训。",
    "5.5": "围绕防汛抗旱、节水型社会建设开展网上专题宣传,账号保持更新。",
    "6.1": "组织宪法学习和公务员法治知识竞答,开展职责使命教育。",
    "6.2": "开展党员干部信教情况排查1次,未发现信教情况,排查表已存档。",
    "6.3": "全国两会等重要时段派员参加专班值班,值班记录完整。",
    "6.4": "处长在谈心谈话中提醒要求,每季度分析一次干部职工思想动态。",
}


@dataclass
class DemoDepartment:
    """One sample department: which rules it lost points on, and what it claims."""

    name: str
    filled_by: str
    occurrences: dict[str, dict[str, int]] = field(default_factory=dict)  # item → rule → times
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # item → target → achieved
    reasons: dict[str, str] = field(default_factory=dict)
    not_applicable: dict[str, str] = field(default_factory=dict)
    failed_binary: tuple[str, ...] = ()
    bonus: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (points, narrative)
    seal: bool = True
    unanswered: tuple[str, ...] = ()


DEPARTMENTS = [
    DemoDepartment(
        "办公室", "王芳",
        counts={"1.2": {"c1": 3}, "2.3": {"c1": 2, "c2": 2}, "3.2": {"c1": 12},
                "3.3": {"c1": 5}, "3.6": {"c1": 2}, "4.2": {"c1": 6}},
        bonus={"B4": ("1", "“灯塔党建在线答题竞赛”取得市直机关前10名。"),
               "B3": ("0.5", "《节水型社会建设》报道被中国水利报采用。")}),
    DemoDepartment(
        "组织人事处", "李强",
        occurrences={"1.5": {"d2": 1}, "3.5": {"d1": 1}},
        counts={"1.2": {"c1": 2}, "2.3": {"c1": 2, "c2": 2}, "3.2": {"c1": 11},
                "3.3": {"c1": 4}, "3.6": {"c1": 2}, "4.2": {"c1": 4}},
        reasons={"1.5": "年终述职中意识形态工作内容较空泛。",
                 "3.2": "7月因防汛未开展集中学习,少1次。",
                 "3.5": "一个党小组“三会一课”记录不全。"},
        bonus={"B2": ("1", "2篇调研报告参加全市优秀调研成果评选并获奖。")}),
    DemoDepartment(
        "规划计划处", "赵敏",
        occurrences={"1.3": {"d1": 1}, "1.5": {"d1": 1}},
        counts={"1.2": {"c1": 2}, "2.3": {"c1": 2, "c2": 1}, "3.2": {"c1": 12},
                "3.3": {"c1": 3}, "3.6": {"c1": 1}, "4.2": {"c1": 3}},
        reasons={"1.3": "意识形态工作未写入年度工作计划和要点。",
                 "1.5": "半年工作总结未涉及意识形态工作。",
                 "2.3": "下半年未通报意识形态领域情况。",
                 "3.3": "第三季度未开展专题研讨。",
                 "3.6": "全年只开展1次思想道德教育活动。",
                 "4.2": "重点宣传报道3篇,少于年度目标。"},
        not_applicable={"4.4": "本处室无宣传栏、展板、电子屏等阵地。"}),
    DemoDepartment(
        "水资源管理处", "陈刚",
        occurrences={"4.3": {"d2": 2}, "6.1": {"d2": 1}},
        counts={"1.2": {"c1": 2}, "2.3": {"c1": 2, "c2": 2}, "3.2": {"c1": 10},
                "3.3": {"c1": 4}, "3.6": {"c1": 2}, "4.2": {"c1": 4}},
        reasons={"3.2": "全年集中学习10次,少2次。",
                 "4.3": "抽查发布信息2条无审核记录。",
                 "6.1": "法治教育仅开展1次,形式单一。"},
        failed_binary=("5.4",)),
    DemoDepartment(
        "建设与管理处", "周涛", seal=False,
        counts={"1.2": {"c1": 1}, "2.3": {"c1": 1, "c2": 1}, "3.2": {"c1": 9},
                "3.3": {"c1": 2}, "3.6": {"c1": 0}, "4.2": {"c1": 2}},
        reasons={"1.2": "全年专题研究1次。"},
        unanswered=("5.5", "6.1", "6.2", "6.3", "6.4")),
]

SHORTCOMINGS = [
    Shortcoming("责任落实", "落实意识形态工作责任制不够严格,在半年工作总结和年底述职中谈及较少。", "1.5"),
    Shortcoming("理论学习", "政治理论学习不够深入,停留在听课写笔记的层面。", "3.2"),
    Shortcoming("工作创新", "抓意识形态工作的创新举措不多,办法不多不新。"),
]
MEASURES = [
    Measure("在半年总结和年终述职中设意识形态工作专节,逐项报告履职情况。", "处长", "2027-06-30",
            0, leader="分管副局长", standard="总结、述职均有专节"),
    Measure("制定年度学习计划,每月集中学习不少于1次,每季度专题研讨1次。", "支部书记",
            "长期坚持", 1, standard="学习记录、签到表齐全"),
    Measure("结合业务工作探索意识形态工作新办法,年内形成1项创新做法。", "副处长", "2027-12-31", 2),
]


def _changes(dept: DemoDepartment, checklist_items: list[Item], evidence: Path) -> ChangeSet:
    changes = ChangeSet(filled_by=dept.filled_by)
    for item in checklist_items:
        if item.code in dept.unanswered:
            continue
        if item.code in dept.not_applicable:
            changes.answers[item.code] = {"not_applicable": True,
                                          "na_reason": dept.not_applicable[item.code]}
            continue
        aid = Aid(occurrences=dept.occurrences.get(item.code, {}),
                  counts=dept.counts.get(item.code, {}),
                  met=(item.code not in dept.failed_binary) if item.mode == "binary" else None)
        proposed = propose_score(item, aid)
        score = item.max_points if proposed is None else proposed
        achieved = next(iter(aid.counts.values()), 0)
        answer = {"self_score": score, "aid": aid,
                  "narrative": NARRATIVES[item.code].format(n=achieved)}
        if score < item.max_points:
            losses = "；".join(f"{loss.text}(扣{decimal_text(loss.points)}分)"
                              for loss in proposed_losses(item, aid))
            answer["deduction_reason"] = dept.reasons.get(item.code) or losses or item.criteria
        changes.answers[item.code] = answer
    changes.item_evidence["1.2"] = [EvidenceSource(evidence / "专题研究会议纪要.txt",
                                                   "专题研究会议纪要.txt")]
    changes.item_evidence["3.2"] = [EvidenceSource(evidence / "集中学习签到表.txt",
                                                   "集中学习签到表.txt")]
    for code, (points, narrative) in dept.bonus.items():
        changes.bonus[code] = {"points": Decimal(points), "narrative": narrative}
        changes.bonus_evidence[code] = [EvidenceSource(evidence / "表彰通报.txt", "表彰通报.txt")]
    if dept.seal:
        changes.veto = {f"V{n}": {"triggered": False} for n in range(1, 6)}
        changes.shortcomings = SHORTCOMINGS
        changes.measures = MEASURES
    return changes


def _write_evidence(folder: Path) -> Path:
    evidence = folder / "佐证材料"
    evidence.mkdir(parents=True, exist_ok=True)
    samples = {
        "专题研究会议纪要.txt": "处务会会议纪要\n议题:专题研究意识形态工作\n出席:全体处室人员\n",
        "集中学习签到表.txt": "集中学习签到表\n日期 | 姓名 | 签到\n",
        "表彰通报.txt": "关于表彰“灯塔党建在线答题竞赛”优秀单位的通报\n",
    }
    for name, text in samples.items():
        path = evidence / name
        if not path.exists():
            path.write_text(text, encoding="utf-8")
    return evidence


BUREAU_FILE = f"{PERIOD}_{BUREAU}_汇总.selfassess"
ROSTER = [dept.name for dept in DEPARTMENTS] + ["财务处"]  # 财务处 never returns its file
REVIEWS = [  # what the 考核组 found when checking the evidence
    Review("规划计划处", "item", "4.2", Decimal("3"), "报道清单中1篇为转载,不计入。"),
    Review("水资源管理处", "item", "6.1", Decimal("3"), "补充提供了法治讲座记录,不扣分。"),
    Review("办公室", "bonus", "B3", Decimal("0"), "报道采用截图未能提供,不予加分。"),
]


def _write_bureau(folder: Path, checklist: Checklist, departments: list[Path]) -> list[str]:
    path = folder / BUREAU_FILE
    create_bureau(path, checklist, BUREAU, PERIOD, ROSTER).close()
    outcomes = merge_files(path, departments)
    with AssessmentFile.open(path) as af:
        apply_reviews(af, REVIEWS, actor="考核组")
    lines = [_("created {path} ({state})").format(path=path, state=_("bureau file"))]
    lines += ["  " + outcome.line() for outcome in outcomes]
    return lines + _write_prints(folder, path)


def _write_prints(folder: Path, bureau: Path) -> list[str]:
    """The bureau report (draft) and one department's sheet, as PDFs."""
    from selfassess.report import collect, load_fonts, report_pdf, sheets_pdf

    fonts = load_fonts()
    with AssessmentFile.open(bureau, readonly=True) as af:
        report = collect(af)
        planning = next(d.id for d in af.departments() if d.name == "规划计划处")
        one = collect(af, planning)
    targets = {folder / f"{PERIOD}_{BUREAU}_{_('bureau report')}.pdf":
               report_pdf(report, draft=True, fonts=fonts),
               folder / f"{PERIOD}_规划计划处_{_('score sheet')}.pdf": sheets_pdf(one, fonts=fonts)}
    for target, pdf in targets.items():
        target.write_bytes(pdf)
    return [_("created {path} ({state})").format(path=target, state="PDF") for target in targets]


def write_demo(folder: Path) -> list[str]:
    """Write the sample files into ``folder``; returns one line per file for the user."""
    checklist = load_builtin(DEFAULT_CHECKLIST_ID)
    targets = [folder / f"{PERIOD}_{dept.name}.selfassess" for dept in DEPARTMENTS]
    existing = [path.name for path in [*targets, folder / BUREAU_FILE] if path.exists()]
    if existing:
        raise InputRefused(_("{folder} already holds demo files ({names}); choose another folder")
                           .format(folder=folder, names=", ".join(existing)))
    folder.mkdir(parents=True, exist_ok=True)
    evidence = _write_evidence(folder)
    lines = []
    for dept, path in zip(DEPARTMENTS, targets, strict=True):
        with AssessmentFile.create(path, checklist, department_name=dept.name, period=PERIOD,
                                   bureau_name=BUREAU, filled_by=dept.filled_by) as af:
            af.apply(_changes(dept, list(checklist.items), evidence), actor=dept.filled_by)
            if dept.seal:
                record = af.seal(actor=dept.filled_by)
                state = _("sealed, revision {revision}").format(revision=record.revision)
            else:
                state = _("draft")
        lines.append(_("created {path} ({state})").format(path=path, state=state))
    return lines + _write_bureau(folder, checklist, targets)
