//! What the demo cases are about: the titles and descriptions residents report, with their kind,
//! category and handling department, the names of the demo customers, and the channels cases
//! arrive on (phone first, as in the sources).

use huiyin_domain::case::{CaseKind, Channel};
use rand::rngs::StdRng;
use rand::Rng;

pub(super) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高",
];
pub(super) const GIVEN: &[&str] = &[
    "建国", "秀英", "伟", "芳", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超",
    "霞", "平", "刚", "桂英",
];

/// A kind of case residents report: (kind, category code, department, title, description).
pub(super) type Template = (CaseKind, &'static str, &'static str, &'static str, &'static str);

pub(super) const TEMPLATES: &[Template] = &[
    (
        CaseKind::Repair,
        "repair.plumbing_electric",
        "工程部",
        "卫生间漏水",
        "卫生间天花板渗水，楼下邻居反映墙面发霉，请尽快上门查看。",
    ),
    (
        CaseKind::Repair,
        "repair.plumbing_electric",
        "工程部",
        "厨房下水道堵塞",
        "厨房水槽下水很慢，已自行疏通无效。",
    ),
    (
        CaseKind::Repair,
        "repair.plumbing_electric",
        "工程部",
        "家中跳闸断电",
        "晚上用电高峰时总闸频繁跳闸，怀疑线路老化。",
    ),
    (
        CaseKind::Repair,
        "repair.doors_windows",
        "工程部",
        "入户门锁损坏",
        "入户门锁芯卡住，钥匙无法转动。",
    ),
    (
        CaseKind::Repair,
        "repair.doors_windows",
        "工程部",
        "窗户密封条脱落",
        "卧室窗户密封条脱落，下雨时有雨水渗入。",
    ),
    (
        CaseKind::Repair,
        "repair.public_facilities",
        "工程部",
        "电梯异响",
        "单元电梯运行时有明显异响，老人小孩不敢乘坐。",
    ),
    (
        CaseKind::Repair,
        "repair.public_facilities",
        "工程部",
        "楼道灯不亮",
        "楼道声控灯坏了一周，晚上回家很不方便。",
    ),
    (
        CaseKind::Complaint,
        "complaint.noise",
        "秩序部",
        "楼上装修噪音扰民",
        "楼上装修每天早上七点就开始电钻作业，违反装修管理规定。",
    ),
    (
        CaseKind::Complaint,
        "complaint.parking",
        "秩序部",
        "车位被占用",
        "本人购买的固定车位经常被外来车辆占用，保安未及时处理。",
    ),
    (
        CaseKind::Complaint,
        "complaint.service_attitude",
        "客服部",
        "前台服务态度差",
        "到前台办理业务时工作人员态度冷淡，未给予解释。",
    ),
    (
        CaseKind::Complaint,
        "complaint.fees",
        "客服部",
        "物业费收费标准有疑问",
        "本月物业费账单比上月多出五十元，未收到任何通知。",
    ),
    (
        CaseKind::Complaint,
        "complaint.engineering",
        "工程部",
        "外墙渗水维修后复发",
        "外墙渗水上月已维修，本周下雨后再次渗水。",
    ),
    (
        CaseKind::Complaint,
        "service.cleaning",
        "环境部",
        "垃圾清运不及时",
        "楼下垃圾桶已满溢两天无人清运，气味很大。",
    ),
    (
        CaseKind::Inquiry,
        "service.information",
        "客服部",
        "咨询装修审批流程",
        "想了解装修需要提交哪些材料，审批需要几天。",
    ),
    (
        CaseKind::Inquiry,
        "service.information",
        "客服部",
        "咨询停车月卡办理",
        "请问停车月卡如何办理，费用是多少。",
    ),
    (
        CaseKind::Inquiry,
        "complaint.fees",
        "客服部",
        "咨询物业费缴纳方式",
        "是否可以通过微信缴纳物业费。",
    ),
    (
        CaseKind::Suggestion,
        "service.greening",
        "绿化部",
        "建议增加儿童游乐设施",
        "小区中心花园可以增设儿童滑梯和沙池。",
    ),
    (
        CaseKind::Suggestion,
        "service.security",
        "秩序部",
        "建议夜间加强巡逻",
        "最近小区有陌生人出入，建议夜间增加巡逻频次。",
    ),
    (
        CaseKind::Praise,
        "service.other",
        "客服部",
        "表扬维修师傅",
        "王师傅维修认真负责，处理完还帮忙打扫了现场。",
    ),
    (
        CaseKind::Praise,
        "service.cleaning",
        "环境部",
        "表扬保洁阿姨",
        "赵阿姨每天把楼道打扫得很干净。",
    ),
    (
        CaseKind::Incident,
        "service.security",
        "秩序部",
        "地下车库积水",
        "暴雨后地下车库B2层积水约十厘米。",
    ),
    (
        CaseKind::Incident,
        "repair.public_facilities",
        "工程部",
        "消防通道被堵",
        "3栋消防通道堆放了大量装修垃圾。",
    ),
];

pub(super) fn channel_for(rng: &mut StdRng) -> Channel {
    match rng.gen_range(0..100) {
        0..=54 => Channel::Phone,
        55..=69 => Channel::WalkIn,
        70..=84 => Channel::App,
        85..=90 => Channel::Wechat,
        91..=94 => Channel::Web,
        95..=97 => Channel::Letter,
        _ => Channel::Email,
    }
}
