//! Demo knowledge articles and standard replies (only into an empty demo database).

use huiyin_domain::knowledge::ArticleStatus;
use huiyin_domain::reply_template::TemplateUse;
use sea_orm::{ConnectionTrait, TransactionTrait};

use huiyin_store::knowledge::{create, CreateArticle};
use huiyin_store::reply_templates::{self, CreateTemplate};
use huiyin_store::{Actor, StoreResult};

const ARTICLES: &[(&str, &str, &[&str])] = &[
    (
        "卫生间天花板漏水怎么办",
        "## 先止损\n1. 请业主先用盆接水，移开下方电器\n2. 联系楼上住户关闭**进水总阀**\n\n## 再派工\n- 报修类别选「漏水」，派工程部上门查看防水层\n- 24 小时内回访是否已联系，48 小时内回访是否修好",
        &["漏水", "报修"],
    ),
    (
        "物业费缴纳方式",
        "可在客服中心前台、物业 App 或银行代扣缴纳。逾期 6 个月以上的欠费转主管跟进。\n\n- 发票在缴费后 3 个工作日内开具",
        &["缴费"],
    ),
    (
        "停车月卡办理与续费",
        "携带**行驶证**、身份证到客服中心办理；月卡到期前 7 天提醒续费。临停车辆按小时计费。",
        &["停车"],
    ),
    (
        "电梯困人应急流程",
        "1. 安抚被困人员，告知救援已出发\n2. 通知秩序部与电梯维保单位，**15 分钟**内到场\n3. 记录困人时间与解困时间，登记为重大报事",
        &["电梯", "应急"],
    ),
    (
        "装修申请需要哪些资料",
        "业主身份证明、装修施工图、施工单位资质与人员名单；审批通过后发放装修许可证与出入证。",
        &["装修"],
    ),
];

const REPLIES: &[(&str, &str, &[TemplateUse])] = &[
    (
        "受理答复",
        "{customer_name}您好，您反映的问题已登记（编号 {case_number}），我们将于{due_at}前处理完毕，请保持电话畅通。",
        &[TemplateUse::Reply],
    ),
    (
        "回访问候",
        "{customer_name}您好，这里是客服中心，就您报修的问题（{case_number}）做个回访，请问处理结果您满意吗？",
        &[TemplateUse::Visit],
    ),
    (
        "等待业主确认",
        "已电话联系{customer_name}，业主需确认上门时间，工单 {case_number} 暂挂起。",
        &[TemplateUse::Comment],
    ),
];

/// Publishes the demo articles and writes the standard replies as `author`.
pub(super) async fn seed<C: ConnectionTrait + TransactionTrait>(db: &C, author: &Actor) -> StoreResult<()> {
    for (title, body, tags) in ARTICLES {
        create(
            db,
            author,
            CreateArticle {
                title: (*title).to_owned(),
                body: (*body).to_owned(),
                category_ids: vec![],
                tags: tags.iter().map(|t| (*t).to_owned()).collect(),
                project_ids: vec![],
                status: ArticleStatus::Published,
            },
        )
        .await?;
    }
    for (name, body, uses) in REPLIES {
        reply_templates::create(
            db,
            author,
            CreateTemplate {
                name: (*name).to_owned(),
                body: (*body).to_owned(),
                uses: uses.to_vec(),
            },
        )
        .await?;
    }
    Ok(())
}
