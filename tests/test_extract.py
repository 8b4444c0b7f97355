import json
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from extract.aliases import merge_aliases
from extract.amounts import parse_amount
from extract.curation import CurationError, apply_curation
from extract.pipeline import extract_case, extract_document
from extract.resolve import is_alias
from graph.model import build_case_graph
from graph.records import Case, Document
from tests.conftest import CORPUS, GOLD, ROOT, text_case

# Floors for the corpus score: they only move up.
ENTITY_F1_FLOOR = 0.86
RELATION_F1_FLOOR = 0.64


def extract(text: str, area: str = "和平居民区", subdistrict: str = "示范街道", district: str = "", title: str = "t"):
    document, case = text_case(text, title=title, district=district, subdistrict=subdistrict, area=area)
    return build_case_graph([document], [case], [extract_case(case, document)])


def relation_triples(graph) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in graph.relations.values()}


@pytest.mark.parametrize("text, amount", [("出资一百五十万元", 1_500_000), ("花费5600万元", 56_000_000),
                                          ("筹集资金1.2万元", 12_000), ("经费两千元", 2_000), ("没有金额", None)])
def test_amounts(text, amount):
    assert parse_amount(text) == amount


@pytest.mark.parametrize("text, name, type_name", [
    ("长宁街道光明居民区党总支牵头成立自治小组。", "光明居民区党总支", "PartyOrganization"),
    ("区园林市容局指导居民完成改造。", "区园林市容局", "GovernmentAgency"),
    ("绿源物业负责日常管理。", "绿源物业", "PropertyFirm"),
    ("长江商贸集团出资二十万元。", "长江商贸集团", "PartnerUnit"),
    ("光明志愿服务队参与上门宣传。", "光明志愿服务队", "VolunteerTeam"),
    ("和平居民区党总支运用“三会一评”工作法议事。", "三会一评工作法", "Mechanism"),
    ("居民区党总支书记王晓明介绍了情况。", "王晓明", "Person"),
    ("居民共同打造“邻里花园”项目。", "邻里花园项目", "Project"),
    ("“幸福驿站”是居民议事的好去处。", "幸福驿站", "Project"),
    ("“睦邻书屋”则为老人提供了去处。", "睦邻书屋", "Project"),
    ("“共享车棚”破解充电难题。", "共享车棚", "Project"),
    ("“邻里帮帮团”已挂牌成立。", "邻里帮帮团", "VolunteerTeam"),
    ("居民区积极推进加梯工作，电梯加装惠及居民。", "加装电梯", "Project"),
    ("居民区推进旧住房成套改造项目。", "两旧一村改造", "Project"),
    ("居民区打造了书香楼、健康楼、文明楼等特色楼组。", "健康楼", "Project"),
    ("推进了“四个微”，即微心愿、微服务、微课堂等四个项目。", "微心愿", "Project"),
    ("光明路88弄翠竹苑小区建于1990年。", "翠竹苑", "Community"),
    ("来自花溪时代社区的青年十分喜欢。", "花溪时代社区", "Community"),
    ("书香楼、健康楼等主题楼道在小区里遍地开花。", "健康楼", "Project"),
    ("小区先后完成了路灯更换、围墙修缮等一批改造。", "路灯更换", "Project"),
    ("村里发展了香菇种植、木耳加工等特色农业。", "木耳加工", "Project"),
    ("在长宁区莘庄镇春申府邸小区，居民很团结。", "春申府邸小区", "Community"),
    ("党总支组建楼栋加装电梯工作小组，带头宣传。", "楼栋加装电梯工作小组", "Committee"),
    ("居民代表组成的物业片区化管理共创小组成立了。", "物业片区化管理共创小组", "Committee"),
    ("安澜镇党委与花溪开发区委员会联手推出青年团课。", "花溪开发区委员会", "PartyOrganization"),
    ("平台还搭载了物业安全巡查系统、业委会事务系统等。", "物业安全巡查系统", "Project"),
    ("抽调党员组成党员攻坚突击队、青年护卫突击队。", "青年护卫突击队", "VolunteerTeam"),
    ("两家党组织的党员携手组成暖心小分队。", "暖心小分队", "VolunteerTeam"),
    ("——记浦东新区光明街道和平居民区", "浦东新区", "Community"),
    ("浦东新区为民居民区位于城东。", "为民居民区", "Community"),
    ("和平居民区党总支推出“积分超市”，居民凭积分兑换物品。", "积分超市", "Project"),
    ("居民区引入了社会组织“益心社工师事务所”。", "益心社工师事务所", "PartnerUnit"),
    ("菜园由居民自治小组负责管理。", "居民自治小组", "Committee"),
    ("南桥镇社区党群服务中心为菜园提供了种子。", "南桥镇社区党群服务中心", "Project"),
    ("江海第一居委会党支部联合居民改造荒地。", "江海第一居民区党支部", "PartyOrganization"),
    ("和平居民区还推出了“停车积分制”。", "停车积分制", "Mechanism"),
    ("浦东公安分局光明派出所对周边道路进行了梳理。", "浦东公安分局", "GovernmentAgency"),
    ("一堂别开生面的青年团员公开课火热上演。", "青年团员公开课", "Project"),
    ("围绕“提议”“商议”“决议”“五议”闭环链条议事。", "五议闭环链条", "Mechanism"),
    ("推行“一核多方，协同共治”党建+楼栋模式。", "党建+楼栋模式", "Mechanism"),
    ("党总支以“支部建在楼上”为抓手，服务居民。", "支部建在楼上", "Mechanism"),
    ("在区园林和市容管理局的支持下，居民完成改造。", "区园林和市容管理局", "GovernmentAgency"),
    ("专家指导；上航工设计团队负责整体设计。", "上航工设计团队", "PartnerUnit"),
    ("其中包括任用小区居民后学兵，担任总工程师。", "后学兵", "Person"),
    ("村民赵春梅今年七十岁。", "赵春梅", "Person"),
    ("小区召开业主大会，选举产生青杉小区业主委员会。", "青杉小区业主委员会", "Committee"),
    ("青禾街道党工委指导春桃里社区党委开展工作。", "春桃里社区党委", "PartyOrganization"),  # a lane's 里
    ("社区把旧厂房改造成邻里客厅。", "邻里客厅", "Project"),
    ("青禾电梯安装有限公司负责电梯的施工。", "青禾电梯安装有限公司", "PartnerUnit"),  # a trade that jieba tags a verb
    ("社区邀请区住房城乡建设委现场答疑。", "区住房城乡建设委", "GovernmentAgency"),
    ("走进青田县古市镇的共富工坊。", "古市镇", "Community"),  # jieba cuts 古|市镇
    ("青田县古市镇党委书记到村调研。", "古市镇党委", "PartyOrganization"),
    ("松涛区民政局到小区调研。", "松涛区民政局", "GovernmentAgency"),  # jieba cuts 松涛|区, a district it does not know
    ("居民区成立了“青禾护绿队”，由12名党员组成。", "青禾护绿队", "VolunteerTeam"),
    ("青禾经济联合社出资40万元整治巷道。", "青禾经济联合社", "PartnerUnit"),
    ("网格员通过“青禾智治”App上报问题。", "青禾智治App", "Project"),  # an app is named with its kind
    ("区住建局为加装电梯开通审批绿色通道。", "绿色通道", "Mechanism"),  # a way of the whole field
    ("访谈｜松园社区书记谈楼长制。", "松园社区", "Community"),  # a column's mark is no part of the name after it
    ("由县公安局牵头，县住建局参与。", "县公安局", "GovernmentAgency"),  # jieba glues 县公安 after 由
    ("近日，县委常委、组织部部长王强一行到村调研。", "王强", "Person"),
    ("居民张桂芳向区人大代表李国华反映问题。", "李国华", "Person"),
    ("家住青松社区的独居老人罗德明，把连心卡贴在了门后。", "罗德明", "Person"),
    ("社区成立了由15名老党员组成的“巷管家”监督队。", "巷管家监督队", "VolunteerTeam"),
    ("青松社区党委形成“社区党委—院落党小组—院委会”的治理链条。", "社区党委—院落党小组—院委会", "Mechanism"),  # a chain
    ("溪口县南岭镇党委到村调研。", "南岭镇党委", "PartyOrganization"),  # the town's, named by the town
    ("山下村党支部共商发展大计。", "山下村党支部", "PartyOrganization"),  # a village named by a place word
    ("村里还成立了乡贤参事会。", "乡贤参事会", "Committee"),
    ("区财政局派人参加。", "区财政局", "GovernmentAgency"),  # 财政 is a type word of its own
    ("区人大常委会派人参加。", "区人大常委会", "GovernmentAgency"),
    ("石门镇社会事务办派人参加。", "石门镇社会事务办", "GovernmentAgency"),
    ("青禾村文化礼堂里坐满了人。", "青禾村文化礼堂", "Project"),
    ("青禾小区环境和物业管理委员会召开会议。", "青禾小区环境和物业管理委员会", "Committee"),
    ("青禾小区楼委会召开会议。", "青禾小区楼委会", "Committee"),
    ("青禾社区义工队上门服务。", "青禾社区义工队", "VolunteerTeam"),
    ("社区坚持和发展新时代“青禾经验”，矛盾不出社区。", "青禾经验", "Mechanism"),  # a quoted experience: a way
    ("松风社区邻里议事会召开会议。", "松风社区邻里议事会", "Committee"),  # another place's, not the case area's
    ("青石县财政局机关党支部参加。", "青石县财政局机关党支部", "PartyOrganization"),  # the branch of an office's staff
    ("青松银行绿湖支行向桃源社区捐赠爱心物资。", "桃源社区", "Community"),  # one noun, but acted for
    ("三是推动落实。桃源社区依托议事平台解决难题。", "桃源社区", "Community"),  # one noun, but acting
    ("居民任建国说，楼道干净了。", "任建国", "Person"),
    ("县农业农村局干部李明远说，村里再建大棚。", "李明远", "Person"),  # jieba cuts 李|明远
    ("居民区引进赛博系统管理停车。", "赛博系统", "Project"),
    ("自今年街道推进主题自治楼栋建设以来，居民积极参与。", "主题自治楼栋建设", "Project"),
    ("“兰花爷爷”朱忠德老伯积极投身共建。", "朱忠德", "Person"),
    ("来自花溪时代社区的李明十分喜欢这样的公开课。", "李明", "Person"),
    ("长江大学国际关系与公共事务学院为街区进行理论指导。", "长江大学国际关系与公共事务学院", "PartnerUnit"),
    ("新建的青禾书画长廊下常有老人散步。", "青禾书画长廊", "Project"),
    ("小区装上了松涛车库道闸。", "松涛车库道闸", "Project"),
    ("社区还建起一间青松书屋。", "青松书屋", "Project"),  # 一间 counts the room, names none of it
    ("村里新建两座青禾烘干房。", "青禾烘干房", "Project"),
    ("“青禾民厨”项目由松涛大酒店共同参与。", "松涛大酒店", "PartnerUnit"),  # 大酒店: no adjective before 酒店
    ("青松市中医院派医生参加义诊。", "青松市中医院", "PartnerUnit"),
    ("由各方党员组建起拆迁专班，推进工作。", "拆迁专班", "Committee"),  # a working group named by its task
    ("长江大学国际关系与公共事务学院为街区进行理论指导。", "长江大学", "PartnerUnit"),
    ("师大外语学院开设老年英语口语课。", "师大", "PartnerUnit"),
    ("党总支探索建立一个“邻里共商，协力共治”的网格化社区治理新模式。", "邻里共商，协力共治", "Mechanism"),
    ("大家一致认为可以尝试物业片区化管理模式。", "物业片区化管理模式", "Mechanism"),
    ("离退休职工联谊会、拳操队等团队纷纷成立。", "离退休职工联谊会", "VolunteerTeam"),
    ("绿城物业服务有限公司进驻小区。", "绿城物业服务有限公司", "PropertyFirm"),
    ("红星村委会共同商议。", "红星村委会", "Committee"),
    ("区住建委大力支持。", "区住建委", "GovernmentAgency"),
    ("五里桥社区卫生服务中心参与义诊。", "五里桥社区卫生服务中心", "PartnerUnit"),
    ("阳光社区党群服务中心正式启用。", "阳光社区党群服务中心", "Project"),
    ("社区民警王强参与巡逻。", "王强", "Person"),
    ("楼栋长陈德明说：“大家的心齐了。”", "陈德明", "Person"),  # 明说 is a word too
    ("上海银行长宁支行党支部与居民区结对。", "上海银行长宁支行党支部", "PartyOrganization"),
    ("区城管执法局给予指导。", "区城管执法局", "GovernmentAgency"),
    ("在浦东新区的支持下，居民完成改造。", "浦东新区", "Community"),
    ("城南村党总支发起行动。", "城南村", "Community"),
    ("据长宁镇宣传科负责人介绍，活动很受欢迎。", "长宁镇宣传科", "PartyOrganization"),
    ("小区里住有一定数量长江商贸集团青年。", "长江商贸集团", "PartnerUnit"),
    ("积极开展“双岗共建”活动。", "双岗共建", "Project"),
    ("辖区内有长宁区妇幼保健院等单位。", "长宁区妇幼保健院", "PartnerUnit"),
    ("将闲置空地改造为“睦邻小院”。", "睦邻小院", "Project"),
    ("下辖翠竹小区、幸福里两个小区。", "幸福里", "Community"),
    ("退休工程师刘志强自发组建志愿服务队。", "刘志强", "Person"),
    ("居委会召开“三方联席会议”。", "三方联席会议", "Committee"),
    ("街道城建中心委托长江设计研究总院进行方案设计。", "长江设计研究总院", "PartnerUnit"),
    ("街道城建中心委托长江设计研究总院进行方案设计。", "示范街道城建中心", "GovernmentAgency"),
    ("区农业农村委给予资金支持。", "区农业农村委", "GovernmentAgency"),
    ("闵行区慈善基金会捐赠20万元。", "闵行区慈善基金会", "PartnerUnit"),
    ("上海应用技术大学艺术学院的学生为楼道绘制墙绘。", "上海应用技术大学艺术学院", "PartnerUnit"),
    ("联合辖区单位中国电信长宁营业厅开展活动。", "中国电信长宁营业厅", "PartnerUnit"),
    ("居委会组织楼组长开展楼道清理行动。", "楼道清理行动", "Project"),
    ("党员王秀英带头签字，居民纷纷响应。", "王秀英", "Person"),
    ("居民邢晓梅说，楼道亮堂多了。", "邢晓梅", "Person"),
    ("青禾社区工作人员钱慧敏至今记得那次议事会。", "钱慧敏", "Person"),  # a staff member named after 工作人员
    ("联盟代表孔德明结合各小区实际分享了经验。", "孔德明", "Person"),  # a delegate named after 代表
    ("社区引入了桂州安居物业服务有限公司。", "桂州安居物业服务有限公司", "PropertyFirm"),  # 安居, a verb to jieba
    ("居民住在青禾花园一期小区。", "青禾花园一期小区", "Community"),
    ("松涛社区东方翠湖小区的居民来到凉亭。", "东方翠湖小区", "Community"),
    ("物业公司总经理管建国介绍了改造方案。", "管建国", "Person"),
    ("嘉定区规划资源局开辟审批快捷通道。", "嘉定区规划资源局", "GovernmentAgency"),
    ("杨浦区园林和市容管理局参与。", "杨浦区园林和市容管理局", "GovernmentAgency"),
    ("县人力资源和社会保障局派出业务骨干。", "县人力资源和社会保障局", "GovernmentAgency"),
    ("青山县文化和旅游局给予支持。", "青山县文化和旅游局", "GovernmentAgency"),
    ("街道加梯办全程指导。", "示范街道加梯办", "GovernmentAgency"),
    ("居民区党总支联合辖区单位成立「东体睦邻联盟」。", "东体睦邻联盟", "Committee"),
    ("推进“小小楼道一片天，温暖邻里一家人”自治项目。", "小小楼道一片天，温暖邻里一家人", "Project"),
    ("和平居民区由阳光家园、翠竹花园、梅村三个小区组成。", "阳光家园", "Community"),
    ("党总支联合辖区银行成立防范电信诈骗宣传青年志愿者队伍。", "防范电信诈骗宣传青年志愿者队伍", "VolunteerTeam"),
    ("居委会开展老年人智能手机使用培训示范点创建项目。", "老年人智能手机使用培训示范点创建项目", "Project"),
    ("逐步形成社区绿色出行“微”服务平台。", "社区绿色出行微服务平台", "Project"),
    ("小组每周运用“先议后办，边办边议，办后评议”的工作模式。", "先议后办，边办边议，办后评议", "Mechanism"),
    ("业委会制定了完善的电瓶车停放充电登记制度。", "电瓶车停放充电登记制度", "Mechanism"),
    ("居委会成立加装电梯工作小组。", "加装电梯工作小组", "Committee"),
    ("党总支牵头成立停车治理工作小组。", "停车治理工作小组", "Committee"),
    ("新华医院志愿者服务队走进社区。", "新华医院志愿者服务队", "VolunteerTeam"),
    ("金山区民政局给予支持。", "金山区民政局", "GovernmentAgency"),
    ("上海农商银行枫泾支行为村里提供贷款。", "上海农商银行枫泾支行", "PartnerUnit"),
    ("制定了《新义村村规民约》，推行“门前三包”责任制。", "门前三包责任制", "Mechanism"),
    ("制定了《新义村村规民约》，推行“门前三包”责任制。", "新义村村规民约", "Mechanism"),
    ("实施了河道整治和“美丽庭院”创建工程。", "美丽庭院创建工程", "Project"),
    ("金山区规划和自然资源局派出规划师团队。", "金山区规划和自然资源局", "GovernmentAgency"),
    ("金山区生态环境局给予支持。", "金山区生态环境局", "GovernmentAgency"),
    ("区发展和改革委员会给予支持。", "区发展和改革委员会", "GovernmentAgency"),
    ("和平居民区志愿者服务队走进社区。", "和平居民区志愿者服务队", "VolunteerTeam"),
    ("街道市场监管所上门检查。", "示范街道市场监管所", "GovernmentAgency"),
    ("区残联和区妇联提供帮助。", "区残联", "GovernmentAgency"),
    ("居民住在锦华名苑小区。", "锦华名苑小区", "Community"),  # 名苑: a guessed word opening on a measure word
    ("上坪村、下坪村和石门村三个村组建了联合党委。", "下坪村", "Community"),  # 下坪村: one word to jieba
    ("青山市自来水公司为小区改造管网。", "青山市自来水公司", "PartnerUnit"),
    ("青山区卫生健康局支持社区开展义诊。", "青山区卫生健康局", "GovernmentAgency"),
    ("青山区慈善总会捐赠物资。", "青山区慈善总会", "PartnerUnit"),
    ("青山区新华书店参与共建。", "新华书店", "PartnerUnit"),
    ("社区组建了夕阳红志愿者服务队。", "夕阳红志愿者服务队", "VolunteerTeam"),  # named by a set phrase
    ("社区组建了银发宣讲团。", "银发宣讲团", "VolunteerTeam"),
    ("长宁区阳光社会工作服务社派出社工。", "长宁区阳光社会工作服务社", "PartnerUnit"),
    ("由居委会、业委会、安居物业共同组成。", "安居物业", "PropertyFirm"),
    ("和平居民区辖翠湖一村、翠湖二村两个小区。", "翠湖一村", "Community"),
    ("金山区税务局党支部与居民区党总支结对。", "金山区税务局党支部", "PartyOrganization"),
    ("区医疗保障局给予支持。", "区医疗保障局", "GovernmentAgency"),
    ("区审计局给予支持。", "区审计局", "GovernmentAgency"),
    ("区住房保障和房屋管理局给予支持。", "区住房保障和房屋管理局", "GovernmentAgency"),
    ("区交通委员会给予支持。", "区交通委员会", "GovernmentAgency"),
    ("街道党工委与徐汇区建设和管理委员会建立加梯快捷通道。", "徐汇区建设和管理委员会", "GovernmentAgency"),
    ("和平居民区自治委员会召开会议。", "和平居民区自治委员会", "Committee"),
    ("居民区党支部坚持“楼组自议、居委协调”的三步议事法。", "三步议事法", "Mechanism"),
    ("居民区党支部召开会议。", "和平居民区党支部", "PartyOrganization"),
    ("玉林东路社区位于武侯区玉林街道中部。", "玉林东路社区", "Community"),
    ("桂溪社区有老旧院落23个。", "桂溪社区", "Community"),
    ("正馨花园业主委员会召开会议。", "正馨花园业主委员会", "Committee"),
    ("在青松街道近竹园社区党委的带领下，居民开展议事。", "近竹园社区党委", "PartyOrganization"),
    ("走进青松街道广场社区，居民正在议事。", "广场社区", "Community"),
    ("街道把桃园社区、广场社区的居民请到公园。", "广场社区", "Community"),
    ("住在青松路12号院的居民说。", "青松路12号院", "Community"),
    ("东坝社区位于城区东部。", "东坝社区", "Community"),
    ("花园北里社区建于上世纪80年代。", "花园北里社区", "Community"),
    ("会议由青禾路社区召集，居民代表发言。", "青禾路社区", "Community"),
    ("围绕青山市新城区和平路街道的漏水问题，居民议事。", "新城区", "Community"),
    ("老码头村党支部组织议事。", "老码头村党支部", "PartyOrganization"),
    ("青松街道都市花溪社区建于2002年。", "都市花溪社区", "Community"),
    ("小区的物业服务企业嘉兴市青禾物业有限公司成立了党支部。", "嘉兴市", "Community"),
    ("小区的物业服务企业嘉兴市青禾物业有限公司成立了党支部。", "嘉兴市青禾物业有限公司", "PropertyFirm"),
    ("住在团结路26号院的居民说。", "团结路26号院", "Community"),
    ("前进路小学的师生参加活动。", "前进路小学", "PartnerUnit"),
    ("走进綦江区青杉街道东坝社区，居民正在议事。", "青杉街道", "Community"),
    ("走进綦江区青杉街道东坝社区，居民正在议事。", "綦江区", "Community"),
    ("小区由青禾物业管理有限公司南城分公司负责管理。", "青禾物业管理有限公司南城分公司", "PropertyFirm"),
    ("社区主动对接青禾物业滨江地区公司，召开联席会。", "青禾物业滨江地区公司", "PropertyFirm"),
    ("青竹苑、松风里、翠湖院这3个小区同属和平社区。", "翠湖院", "Community"),
    ("项目由青禾置业（集团）有限公司承建。", "青禾置业（集团）有限公司", "PartnerUnit"),
    ("家住东城区青松街道的居民都来了。", "东城区", "Community"),
    ("团结路社区的居民积极参与。", "团结路社区", "Community"),
    ("书记说：“这次改造，我们用好‘青禾工作法’。”", "青禾工作法", "Mechanism"),
    ("联合青湖、松湖两个社区举办比赛。", "松湖", "Community"),
    ("联合青湖、松湖、柳湖三个社区和学校、银行等力量举办比赛。", "青湖", "Community"),
    ("古城街道杏树下社区的居民积极参与。", "杏树下社区", "Community"),
    ("区法院代表、青松街道代表参加了会议。", "青松街道办事处", "GovernmentAgency"),
    ("街道今年推进三个老街巷改造项目。", "老街巷改造项目", "Project"),
    ("青禾小区加装电梯已经完工。居民说，加装电梯方便了出行。", "青禾小区加装电梯", "Project"),
    ("东方丽景小区业委会召开了年度会议。", "东方丽景小区业委会", "Committee"),
    ("街道推行“支部带头议、物业跟着改、居民一起评”的工作模式。", "支部带头议、物业跟着改、居民一起评", "Mechanism"),
    ("走进橙园社区河桥一号还建小区，大门口种满了花。", "河桥一号还建小区", "Community"),
    ("2021年，陈建东出任青松苑党总支书记。", "陈建东", "Person"),
    ("社区建立“双岗共管”小区议事协调机制。", "双岗共管小区议事协调机制", "Mechanism"),
    ("街道实施“四不管”小区改造工程。", "四不管小区改造工程", "Project"),
    ("街道推行党建引领“五方联动”协同议事机制。", "党建引领五方联动协同议事机制", "Mechanism"),
    ("社区开展物业服务“两升一降”专项行动。", "物业服务两升一降专项行动", "Project"),
    ("社区举办第三届“青禾杯”篮球赛。", "青禾杯篮球赛", "Project"),
    ("现场还设了“剪纸迎春”专区。", "剪纸迎春专区", "Project"),
    ("小区开始“焕新式”改造，路面平整了。", "焕新式改造", "Project"),
    ("市卫健局副局长到场指导。", "市卫健局", "GovernmentAgency"),
    ("青禾职业技术学院园林与景观设计学院师生参与设计。", "园林与景观设计学院", "PartnerUnit"),
    ("社区形成了“居委+楼组长+业委会+物业”这一小区治理模式。", "居委+楼组长+业委会+物业", "Mechanism"),
    ("社区形成“街道党工委+社区党委+楼栋党小组+物业公司”联合治理模式。", "街道党工委+社区党委+楼栋党小组+物业公司联合治理模式", "Mechanism"),
    ("社区推行“贴心物业”，居民满意。", "贴心物业", "Mechanism"),  # a firm word quoted names a way
    ("社区按照“先易后难”的工作模式推进加装电梯。", "先易后难", "Mechanism"),  # a quoted set phrase naming a way
    ("近年来，云岭县石门镇的村民种茶致富。", "云岭县", "Community"),  # a county jieba cuts as place word and 县
    ("经区民政局批准，青禾社区成立了调解委员会。", "区民政局", "GovernmentAgency"),  # 经 before a division: by way of
    ("社区指导成立了青禾小区物管会。", "青禾小区物管会", "Committee"),  # an estate's property management committee
    ("照片显示，青山区青松社区的停车场划线清晰。", "青松社区", "Community"),  # a common word named after its district
    ("幸福社区党委牵头成立议事会。", "幸福社区党委", "PartyOrganization"),  # a quality names the 社区 of a body
    ("近日，团结社区居委会牵头成立议事会。", "团结社区", "Community"),
    ("青禾建设公司承建了雨污分流改造工程。", "雨污分流改造工程", "Project"),  # a work named by what it does
    ("青山区综合执法队联合青松派出所开展整治。", "青山区综合执法队", "GovernmentAgency"),
    ("石门镇人民政府拨付资金50万元。", "石门镇人民政府", "GovernmentAgency"),  # a town's own government
    ("楼栋长陈德明挨家挨户上门征求意见。", "陈德明", "Person"),  # a building's head, named after the role
    ("社区开展“贴心物业”行动，居民满意。", "贴心物业行动", "Project"),  # … unless a project word follows
    ("青禾公益基金捐赠了一批书架。", "青禾公益基金", "PartnerUnit"),
    ("青禾社区党建引领基层治理成效明显。", "青禾社区", "Community"),  # its 党建, not a body's 党委
    ("青松银行与青禾集团共同捐资设立“春晖”子基金。", "春晖子基金", "Project"),  # a fund named and set up
    ("街道牵头成立青松物业联盟，吸纳辖区物业企业加入。", "青松物业联盟", "Committee"),  # named by its members' kind
    ("安居物业管理有限公司党支部开展活动。", "安居物业管理有限公司党支部", "PartyOrganization"),  # its host's whole name
    ("街道推行处级干部包联制度，每名干部联系一个小区。", "处级干部包联制度", "Mechanism"),  # a rank opens it
    ("社区将围绕青松物业党建联建机制的完善开展工作。", "青松物业党建联建机制", "Mechanism"),  # a way's 的 goes on
    ("青禾城建集团松涛置业公司总经理介绍了情况。", "青禾城建集团", "PartnerUnit"),  # a company's group
    ("社区建立“街道党工委—社区党委—楼院党总支—楼栋党小组—党员楼长”五层联动体系。",
     "街道党工委—社区党委—楼院党总支—楼栋党小组—党员楼长五层联动体系", "Mechanism"),  # a long quoted chain
    ("每栋楼都配有专属“楼栋管家”，负责巡查。", "楼栋管家", "VolunteerTeam"),  # people serving under a name
    ("活动由青松大酒店、禾都大酒店共同承办。", "禾都大酒店", "PartnerUnit"),  # a listed name jieba cut into characters
    ("“菌菇好卖了。”王德池乐呵呵地说。", "王德池", "Person"),  # a name before a manner of speaking
    ("青山县农村信用合作联社为合作社提供贷款。", "农村信用合作联社", "PartnerUnit"),
    ("社区指导青竹院落选举成立了院委会，青竹院委会随即开展工作。", "青竹院委会", "Committee"),
])
def test_entities_by_name_structure(text, name, type_name):
    graph = extract(text)
    assert f"{type_name}:{name}" in graph.entities, sorted(graph.entities)


def test_a_numeral_and_its_measure_word_are_no_part_of_a_name():
    graph = extract("她记得在青松小区召开的那场楼组议事会。")
    assert not [e for e in graph.entities if "那场" in e], sorted(graph.entities)


def test_a_phrase_ending_in_de_is_no_part_of_a_local_name():
    graph = extract("社区对接辖区规模最大的物业公司。")
    assert not [e for e in graph.entities if "最大" in e], sorted(graph.entities)


def test_the_longest_of_names_sharing_a_start_wins():
    graph = extract("社区党员志愿者队伍积极参与。")
    assert [e for e in graph.entities if e.startswith("VolunteerTeam:")] == ["VolunteerTeam:社区党员志愿者队伍"]


@pytest.mark.parametrize("text", ["以“民意”为先，以“聚力”为基。", "“80后”党员踊跃报名。", "形成“小区是我家，治理靠大家”的局面。",
                                  "要实现“阶段性的改造工程”。", "“两新”企业积极参与。", "亲子、敬老等楼道各有特色。",
                                  "先后树立了3大类示范楼组。", "架起不同类型党支部联系的桥梁。", "这三大楼组也成功创建。", "完善每一个切实有效项目的推进。",
                                  "小区更新了音响系统，改造了户外平台。", "青松小区的议事迈向“共商共建共治共享”。",
                                  "居民区在创建文明城市中发挥作用。", "要找到最大公约数，形成合力。", "小区建立了网格机制。",
                                  "感谢党和政府的关心。", "居民能够“一键直通”物业，依照满意度排名。",
                                  "居民区加强基层建设，推进楼组建设。", "自习课则是“进阶版”课程。",
                                  "大家还在朋友圈“晒课”。", "开展清理行动。", "终于打破小区治理困局。",
                                  "为签约率开好局。", "书记说“把小区的事情办好办实，办到大家心坎上”。",
                                  "“三套车”到现场查看工程进度。", "各方联动，做到“小事不出楼、大事不出社区”。"])
def test_slogans_and_modifiers_are_no_names(text):
    graph = extract(text)
    assert not [e for e in graph.entities if e.startswith(("Mechanism:", "Project:", "PartyOrganization:", "GovernmentAgency:"))], sorted(graph.entities)


@pytest.mark.parametrize("text", ["在职党员、中小学生化身为“编外规划师”。", "小区居民后来，都很满意。",
                                  "打造熟人社区，建设和谐社区。", "来自安澜、花溪的白领青年同处一室。",
                                  "推动党员志愿者队伍活起来，深化党员队伍建设。",
                                  "共申报楼道29个，其中低碳科技楼道9个、摄影主题楼道3个。",
                                  "家庭医生上门服务。", "建强一支队伍。", "样板小区和大型小区都很整洁。",
                                  "沿线分布有菜场、学校等公共设施。", "每个小区派驻一名支部书记。",
                                  "制订了停车管理办法。", "推行信托制物业。", "为辖区居民办实事、解难事。",
                                  "社区走访了居民小区。", "辖区有老旧住宅小区十余个。", "大家把意见汇总成清单。",
                                  "一些街道和全省街道都在推进。", "全市街道都行动起来。",
                                  "把党支部建到小区，把党小组建到楼栋。", "老旧小区改造是一项系统工程。",
                                  "这是一项惠民工程，也是重大民生工程。", "大家到现场查看工程进度。",
                                  "小区尽快启用大修基金修屋顶。", "辖区12个行政村都已完成。",
                                  "村民自己商量村里的大小事。", "村民筹资硬化村组道路。",
                                  "这是一个弃管小区，环境较差。", "居民在小区里成立了议事会。",
                                  "这里是典型的城中村。", "社区成立有限公司运营。", "利用闲置村小学校舍建起工坊。",
                                  "全县乡镇都参加。", "推进市镇建设。"])
def test_words_that_only_look_like_names_are_none(text):
    assert not extract(text).entities


def test_a_body_named_after_the_bare_word_village_is_the_cases_villages():
    graph = extract("青禾村党支部牵头成立村股份经济合作社，村民入股。", area="青禾村")
    assert "PartnerUnit:青禾村股份经济合作社" in graph.entities, sorted(graph.entities)


@pytest.mark.parametrize("text, inner", [("青禾社区基金会派人参加。", "Project:青禾社区基金"),
                                         ("青禾社区社会组织联合会派人参加。", "PartnerUnit:青禾社区社会组织")])
def test_a_type_word_inside_a_longer_ones_name_names_nothing(text, inner):
    assert inner not in extract(text).entities, sorted(extract(text).entities)


def test_a_verb_after_a_headings_number_names_no_firm():
    graph = extract("二、引入物业，规范服务\n业委会公开招标，选聘新物业。")
    assert not [e for e in graph.entities if e.startswith("PropertyFirm:") and "引入" in e], sorted(graph.entities)


@pytest.mark.parametrize("text", ["建成较早的青杉小区没有物业，楼道堆物严重。", "老旧小区缺少物业服务企业，环境较差。",
                                  "这片楼长期缺乏物业管理。", "松柏小区暂无物业公司进驻。"])
def test_a_place_said_to_lack_a_firm_names_none(text):
    assert not [e for e in extract(text).entities if e.startswith("PropertyFirm:")], sorted(extract(text).entities)


@pytest.mark.parametrize("text, type_name", [("2024年，青禾家园原物业公司因经营不善撤场。", "PropertyFirm"),
                                             ("青禾小区原业委会任期届满。", "Committee")])
def test_a_body_named_as_the_former_one_is_none(text, type_name):
    assert not [e for e in extract(text).entities if e.startswith(type_name)], sorted(extract(text).entities)


@pytest.mark.parametrize("text", ["新闻晨报上海社区新媒体平台报道了此事。", "莘庄镇社区推进楼栋建设。", "打造和谐社区。",
                                  "建设和谐社区、文明社区和智慧社区。", "联合青湖、松湖两个社区举办比赛。",
                                  "青松街道所有社区都参加。", "青松社区辖区内小区都已完成改造。", "青山区文明社区创建工作启动。",
                                  "建设幸福社区，打造美好家园。", "熟人社区形成了。", "居民社区参与热情高。"])
def test_a_title_a_town_or_a_quality_before_社区_names_no_neighbourhood(text):
    assert not [e for e in extract(text).entities if e.endswith("社区")], sorted(extract(text).entities)


def test_a_name_ending_on_a_type_word_is_no_person():
    graph = extract("牛家村与青松公司签订了合作协议。")
    assert "Community:牛家村" in graph.entities and not [e for e in graph.entities if e.startswith("Person:")]


def test_a_neighbourhood_its_body_names_is_found_again_where_its_name_alone_is_a_common_word():
    graph = extract("幸福社区党委书记李青介绍，幸福社区位于青松街道东部。", area="")
    relations = {(r.type, r.source, r.target) for r in graph.relations.values()}
    assert ("PART_OF", "Community:幸福社区", "Community:青松街道") in relations, sorted(relations)


def test_a_bare_property_management_committee_is_the_estates_own():
    graph = extract("青禾小区建成于1995年。青禾小区的物业撤场后，小区物管会牵头召开会议，选聘新物业。")
    assert "Committee:青禾小区物管会" in graph.entities, sorted(graph.entities)


def test_a_villages_committee_doubles_no_village():
    graph = extract("白沙村村委会召开村民代表大会。")
    assert "Committee:白沙村村委会" in graph.entities and "Community:白沙村村" not in graph.entities, sorted(graph.entities)


def test_a_verb_jieba_takes_for_a_noun_opens_no_place_name():
    graph = extract("松柏村党支部领办松柏村果蔬合作社，带动村民增收。")
    assert not [e for e in graph.entities if "领办" in e], sorted(graph.entities)


def test_a_verb_of_giving_opens_no_place_name():
    graph = extract("长江银行出资20万元，用于资助居民区微更新项目。")
    assert not [e for e in graph.entities if e.startswith("Community:")], sorted(graph.entities)


@pytest.mark.parametrize("text, name", [
    ("街道总结松涛居民区党总支的做法，在全区推广。", "PartyOrganization:松涛居民区党总支"),
    ("居委会整理青禾小区业委会的议事记录。", "Committee:青禾小区业委会"),
    ("社区上线翠湖物业的报修小程序。", "PropertyFirm:翠湖物业"),
    ("街道压实松涛物业的管理责任。", "PropertyFirm:松涛物业"),
])
def test_a_working_verb_of_reports_opens_no_name(text, name):
    assert name in extract(text).entities, sorted(extract(text).entities)


def test_a_company_named_without_its_city_and_legal_form_is_one_company():
    graph = extract("上海浦江物业管理有限公司进驻小区。浦江物业承担了日常维护。华榕文化传播有限公司和华榕公司都参与了。")
    firms = {e.name: e.aliases for e in graph.entities.values() if e.type in ("PropertyFirm", "PartnerUnit")}
    assert set(firms) == {"上海浦江物业管理有限公司", "华榕文化传播有限公司"}, firms
    assert "浦江物业" in firms["上海浦江物业管理有限公司"] and "华榕公司" in firms["华榕文化传播有限公司"]


def test_a_company_named_without_its_citys_name_is_one_company_and_another_city_is_not():
    graph = extract("社区引入成都蓉城物业服务有限公司，由蓉城物业负责日常保洁。黄浦物业也参与。")
    firms = {e.name for e in graph.entities.values() if e.type == "PropertyFirm"}
    assert firms == {"成都蓉城物业服务有限公司", "黄浦物业"}, firms


def test_a_company_named_by_its_brands_first_characters_and_trade_is_one_company():
    graph = extract("社区引入北京愿景明德物业管理有限公司。愿景物业投入资金，物业负责保洁。")
    firms = {e.name: e.aliases for e in graph.entities.values() if e.type == "PropertyFirm"}
    assert list(firms) == ["北京愿景明德物业管理有限公司"], firms
    assert "物业" in firms["北京愿景明德物业管理有限公司"]


def test_a_places_property_fee_names_no_firm():
    graph = extract("如今，和平居民区物业费收缴率达到九成。")
    assert not [e for e in graph.entities.values() if e.type == "PropertyFirm"], sorted(graph.entities)


def test_a_project_word_inside_a_mechanisms_name_names_no_project():
    graph = extract("推行“楼组长+党员+志愿者”的“1+1+N”楼组管理模式。")
    assert [e for e in graph.entities if e.startswith("Project:")] == [], sorted(graph.entities)


def test_a_proper_name_cut_by_a_type_word_keeps_its_first_character():
    graph = extract("辖区内有上海交通大学附属中学。")
    assert [e for e in graph.entities if e.startswith("PartnerUnit:")] == ["PartnerUnit:上海交通大学附属中学"]


def test_a_character_left_after_a_verb_is_no_name():
    assert "PartyOrganization:示范街道党工委" in extract("要做实党工委统一指挥下的驻楼专班制度。").entities


def test_only_a_college_or_studio_names_its_university():
    assert set(extract("长江大学规划师团队规划街区蓝图。").entities) == {"PartnerUnit:长江大学规划师团队"}


def test_an_address_beside_an_estate_is_its_alias():
    graph = extract("第十四宿舍（光明路45弄）建于1980年。光明路88弄翠竹苑小区有两栋楼，翠竹苑居民很团结。")
    places = {e.name: e.aliases for e in graph.entities.values() if e.type == "Community"}
    assert "光明路45弄" in places["第十四宿舍"] and "光明路88弄翠竹苑小区" in places["翠竹苑"], places


def test_a_listed_way_running_into_its_mechanism_is_one_mechanism():
    graph = extract("和平居民区党总支形成了“需求清单、资源清单、项目清单”四张清单工作机制。")
    assert [e for e in graph.entities if e.startswith("Mechanism:")] == ["Mechanism:四张清单工作机制"]


def test_short_and_listed_forms_of_a_place_are_one_place():
    graph = extract("居委会下辖光明路505弄、555弄小区。第十四宿舍建于1980年，14宿舍7号楼已加装电梯。"
                    "翠竹家园小区环境优美，翠竹小区的居民很团结。让曾经的“丑小鸭”小区变了样。")
    places = {e.name: e.aliases for e in graph.entities.values() if e.type == "Community"}
    assert {"光明路505弄小区", "光明路555弄小区"} <= set(places)
    assert "14宿舍" in places["第十四宿舍"] and "翠竹小区" in places["翠竹家园小区"]
    assert not [name for name in places if "丑小鸭" in name or name in ("14宿舍", "翠竹小区")], places


def test_estates_counted_in_a_list_are_places_of_the_area():
    graph = extract("和平居民区由阳光家园、东方高尔夫、梅村三个小区组成。梅村小区建于80年代。")
    places = {e.name for e in graph.entities.values() if e.type == "Community"}
    assert places == {"和平居民区", "阳光家园", "东方高尔夫", "梅村小区"}, places
    assert ("PART_OF", "Community:东方高尔夫", "Community:和平居民区") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}


def test_buildings_named_after_their_estate_are_places_of_it():
    graph = extract("翠竹家园小区有十栋楼。居委会选出翠竹家园5号、13号楼为示范楼组。5号楼的居民很团结，8号楼也不错。")
    places = {e.name: e.aliases for e in graph.entities.values() if e.type == "Community"}
    assert {"翠竹家园5号楼", "翠竹家园13号楼"} <= set(places) and "5号楼" in places["翠竹家园5号楼"]
    assert not [name for name in places if name.startswith("8号")], places
    assert ("PART_OF", "Community:翠竹家园13号楼", "Community:翠竹家园小区") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}


def test_a_block_numbered_after_its_estate_is_a_place_of_it_and_a_bare_count_of_blocks_names_none():
    graph = extract("中建翠竹园小区共有27栋楼。社区在翠竹园小区26栋建起了党群服务站，青松苑3幢的居民也来参观。")
    places = {e.name for e in graph.entities.values() if e.type == "Community"}
    assert {"翠竹园小区26栋", "青松苑3幢"} <= places and not [p for p in places if p.startswith("27")], places
    assert ("PART_OF", "Community:翠竹园小区26栋", "Community:中建翠竹园小区") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}


def test_a_place_cut_after_a_verb_like_character_takes_it_back():
    graph = extract("毗邻商务区的爱华五村，是动迁安置房小区。爱华五村一号楼是“亲子楼”。")
    assert "Community:爱华五村" in graph.entities and "Community:博五村" not in graph.entities


def test_an_addressed_area_is_one_place_in_all_its_forms():
    graph = extract("光明路131弄居民区党总支召开会议。131弄小区的居民和131小区的志愿者都来了。",
                    area="光明路131弄居民区")
    places = [e.name for e in graph.entities.values() if e.type == "Community"]
    assert places == ["光明路131弄居民区"], places
    graph = extract("光明路131弄居民区有2039户。131弄居民区党总支和居委会充满工作热情。", area="光明路131弄居民区")
    assert "PartyOrganization:光明路131弄居民区党总支" in graph.entities, sorted(graph.entities)


def test_a_district_body_takes_the_cases_district():
    graph = extract("区委、区政府作出决策，区水务局参与。", district="长宁区")
    assert {"PartyOrganization:长宁区委", "GovernmentAgency:长宁区政府"} <= set(graph.entities)
    assert "区水务局" in graph.entities["GovernmentAgency:长宁区水务局"].aliases


def test_an_activity_done_to_a_named_place_is_that_places():
    graph = extract("党总支申请对光明路322弄小区开展“微更新”，居民积极参与。")
    assert "Project:光明路322弄小区微更新" in graph.entities, sorted(graph.entities)


def two_cases(*texts: str) -> tuple[Document, list[Case]]:
    document = Document(id="t", path="t.txt", format="text", raw_text="".join(texts), text="".join(texts),
                        offsets=tuple(range(sum(map(len, texts)))))
    cases = [Case(id=f"t-0{i}", document="t", order=i, title="t", subtitle="", text=text, start=0,
                  subdistrict="示范街道", area="") for i, text in enumerate(texts, 1)]
    return document, cases


def test_a_quoted_name_keeps_its_type_across_the_document():
    document, cases = two_cases("和平居民区党总支运用“邻里守望”开展工作。", "“邻里守望”每周开展。")
    assert not extract_case(cases[1], document).mentions
    second = extract_document(document, cases)[1]
    assert [(m.canonical, m.type) for m in second.mentions] == [("邻里守望", "Mechanism")]


def test_a_way_of_co_building_named_in_the_cue_still_cues_co_building():
    document, cases = two_cases("和平居民区党总支运用“党建结对联建”凝聚合力。", "和平居民区党总支与长江商贸集团党委签订“党建结对联建”协议。")
    second = extract_document(document, cases)[1]
    assert {(r.type, r.source.canonical, r.target.canonical) for r in second.relations} >= {
        ("CO_BUILDS", "长江商贸集团党委", "和平居民区党总支")}


def test_a_quoted_name_typed_by_its_context_only_takes_the_documents_type():
    document, cases = two_cases("和平居民区党总支运用“邻里守望”化解矛盾，坚持“邻里守望”。", "加强“邻里守望”建设。")
    assert extract_case(cases[1], document).mentions[0].type == "Project"
    second = extract_document(document, cases)[1]
    assert [(m.canonical, m.type) for m in second.mentions] == [("邻里守望", "Mechanism")]


def test_a_name_given_as_an_alias_in_another_case_joins_that_entity():
    document, cases = two_cases("和平居民区党总支推行“一楼一长”工作法。", "光明居民区党总支坚持“一楼一长”，居民参与。")
    graph = build_case_graph([document], cases, [extract_case(case, document) for case in cases])
    assert {"Mechanism:一楼一长", "Mechanism:一楼一长工作法"} <= set(graph.entities)
    assert merge_aliases(graph) == 1
    mechanism = graph.entities["Mechanism:一楼一长工作法"]
    assert "Mechanism:一楼一长" not in graph.entities and mechanism.cases == ["t-01", "t-02"]
    assert {r.source for r in graph.relations.values() if r.target == mechanism.id} == {
        "PartyOrganization:和平居民区党总支", "PartyOrganization:光明居民区党总支"}


def test_a_quoted_surface_form_in_one_case_names_the_entity_in_another():
    document, cases = two_cases("党总支运用“邻里守望”化解矛盾。邻里守望机制让居民受益。", "光明居民区党总支坚持“邻里守望”。")
    graph = build_case_graph([document], cases, [extract_case(case, document) for case in cases])
    assert merge_aliases(graph) == 1
    assert graph.entities["Mechanism:邻里守望机制"].cases == ["t-01", "t-02"]


def test_a_body_named_shortly_in_one_case_and_in_full_in_another_is_one_body():
    document, cases = two_cases("区园林市容局指导居民完成改造。", "在区园林和市容管理局的支持下，区民政局和区水务局参与。")
    graph = build_case_graph([document], cases, [extract_case(case, document) for case in cases])
    assert merge_aliases(graph) == 1
    assert sorted(graph.entities["GovernmentAgency:区园林和市容管理局"].cases) == ["t-01", "t-02"]
    assert {"GovernmentAgency:区民政局", "GovernmentAgency:区水务局"} <= set(graph.entities)


def test_another_reports_fuller_name_joins_no_way_and_no_body_named_relative_to_its_place():
    first, second = text_case("青松区水务局指导居民推行“四联”工作机制，青禾小区的“四联”机制成效明显。"), \
        text_case("区水务局参与改造。居民区推行“四联”机制。")
    second = (replace(second[0], id="u", path="u.txt"), replace(second[1], id="u-01", document="u"))
    graph = build_case_graph([first[0], second[0]], [first[1], second[1]],
                             [extract_case(first[1], first[0]), extract_case(second[1], second[0])])
    assert {"GovernmentAgency:区水务局", "Mechanism:四联机制", "Mechanism:四联工作机制"} <= set(graph.entities)
    merge_aliases(graph)
    assert {"GovernmentAgency:区水务局", "Mechanism:四联机制"} <= set(graph.entities), sorted(graph.entities)


def test_another_reports_body_named_after_its_place_joins_no_body_of_the_same_kind_elsewhere():
    first, second = text_case("青石村成立了青石村乡贤理事会，乡贤理事会每月议事。"), text_case("村里成立了乡贤理事会。")
    second = (replace(second[0], id="u", path="u.txt"), replace(second[1], id="u-01", document="u"))
    graph = build_case_graph([first[0], second[0]], [first[1], second[1]],
                             [extract_case(first[1], first[0]), extract_case(second[1], second[0])])
    merge_aliases(graph)
    assert {"Committee:青石村乡贤理事会", "Committee:乡贤理事会"} <= set(graph.entities), sorted(graph.entities)


def test_generic_mentions_resolve_to_the_case_body_or_an_implicit_one():
    graph = extract("和平居委会召开会议。居委会牵头，业委会参与。")
    assert "Committee:和平居委会" in graph.entities
    assert graph.entities["Committee:和平居民区业委会"].implicit
    graph = extract("青松街道桃园社区建于上世纪。由社区党支部牵头，居民成立了议事会。", area="", subdistrict="青松街道")
    assert graph.entities["PartyOrganization:桃园社区党支部"].implicit


def test_a_bare_team_word_is_the_cases_one_team_and_never_implied():
    graph = extract("和平居民区党总支成立光明志愿服务队。志愿服务队每周巡逻。")
    assert {r.type for r in graph.relations.values() if r.target == "VolunteerTeam:光明志愿服务队"} == {"LEADS"}
    assert len(graph.entities["VolunteerTeam:光明志愿服务队"].evidence) == 2
    graph = extract("和平居民区党总支策划成立志愿服务队。")
    assert not [e for e in graph.entities.values() if e.type == "VolunteerTeam"]


def test_a_bare_council_word_is_the_cases_council_of_that_name_and_never_implied():
    graph = extract("和平居民区党总支牵头成立“加梯议事会”。在示范街道党工委的指导下，议事会探索形成了“三问”工作法。")
    relations = {(r.type, r.source, r.target) for r in graph.relations.values()}
    council = next(e.id for e in graph.entities.values() if e.type == "Committee")
    assert ("GUIDES", "PartyOrganization:示范街道党工委", council) in relations, relations
    assert ("USES_MECHANISM", council, "Mechanism:三问工作法") in relations, relations
    graph = extract("居民代表在议事会上发言。")
    assert not [e for e in graph.entities.values() if e.type == "Committee"], sorted(graph.entities)


def test_a_bare_area_word_acting_is_the_case_area_standing_for_its_lead_body():
    graph = extract("和平居民区党总支召开会议。居民区还组建了“护车先锋队”，居民区还推出了“停车积分制”。")
    relations = {(r.type, r.source, r.target) for r in graph.relations.values()}
    assert ("LEADS", "PartyOrganization:和平居民区党总支", "VolunteerTeam:护车先锋队") in relations, relations
    assert ("USES_MECHANISM", "PartyOrganization:和平居民区党总支", "Mechanism:停车积分制") in relations, relations
    graph = extract("和平居民区党总支召开会议。居民区还联合辖区单位青松中学，组建了“护车先锋队”。"
                    "居民区认真落实“双线联动”工作机制。")
    relations = {(r.type, r.source, r.target) for r in graph.relations.values()}
    assert ("LEADS", "PartyOrganization:和平居民区党总支", "VolunteerTeam:护车先锋队") in relations, relations
    assert ("USES_MECHANISM", "PartyOrganization:和平居民区党总支", "Mechanism:双线联动工作机制") in relations
    graph = extract("光明社区党委召开会议。社区还组建了“护车先锋队”。")
    assert "Community:社区" not in graph.entities and "Community:和平居民区" not in graph.entities, sorted(graph.entities)


def test_an_area_acting_stands_for_its_own_body_not_for_a_lead_of_a_larger_place():
    text = "柳荫街道办事处破解停车难。桂香里社区党委牵头议事。桂香里社区还组建了“红马甲”巡逻队。"
    graph = extract(text, area="", subdistrict="柳荫街道", title="柳荫街道破解停车难")
    leads = {(r.source, r.target) for r in graph.relations.values() if r.type == "LEADS"}
    assert leads == {("PartyOrganization:桂香里社区党委", "VolunteerTeam:红马甲巡逻队")}, leads


def test_an_ordinal_term_or_an_offices_section_is_no_part_of_a_name():
    graph = extract("青禾小区选举产生了第一届业主委员会。市住建局物业科到场指导。", area="松涛社区")
    assert not [e for e in graph.entities if "第一届" in e or e.startswith("PropertyFirm:")], sorted(graph.entities)


def test_two_bodies_signing_to_co_build_co_build_whatever_the_sentence_goes_on_to_name():
    graph = extract("青禾物业党支部与松涛社区党委签订共建协议，开展“物业开放日”活动，邀请业主走进物业。", area="松涛社区")
    co_builds = {frozenset((r.source, r.target)) for r in graph.relations.values() if r.type == "CO_BUILDS"}
    assert co_builds == {frozenset(("PartyOrganization:青禾物业党支部", "PartyOrganization:松涛社区党委"))}, co_builds


def test_a_partners_role_before_its_name_relates_it_to_the_area_not_to_the_names_around_it():
    graph = extract("这是松涛社区党委成立的“停车自治小组”和辖区共建单位青松置业有限公司的共同努力。", area="松涛社区")
    co_builds = {frozenset((r.source, r.target)) for r in graph.relations.values() if r.type == "CO_BUILDS"}
    assert co_builds == {frozenset(("PartnerUnit:青松置业有限公司", "PartyOrganization:松涛社区党委"))}, co_builds


def test_helpers_of_one_frame_each_take_the_word_after_them():
    graph = extract("在街道党工委的指导和市农业局的支持下，松涛居委会建成了青禾书屋。")
    relations = {(r.type, r.source) for r in graph.relations.values() if r.type in ("GUIDES", "SUPPORTS")}
    assert relations == {("GUIDES", "PartyOrganization:示范街道党工委"), ("SUPPORTS", "GovernmentAgency:市农业局")}, \
        relations


def test_a_bare_town_party_committee_is_the_case_towns():
    graph = extract("在镇党委的指导下，松涛村党支部开办了培训班。", area="松涛村", subdistrict="白沙镇")
    assert ("GUIDES", "PartyOrganization:白沙镇党委", "PartyOrganization:松涛村党支部") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}, graph.relations


@pytest.mark.parametrize("text, place", [
    ("青禾小区已聘请松涛物业公司提供物业服务。", "Community:青禾小区"),
    ("街道指导青禾小区成立业主委员会，选聘松涛物业服务有限公司进驻。", "Community:青禾小区"),  # the estate named before
    ("和平居民区环境老旧。经业主大会表决，小区选聘了新的物业服务企业——松涛物业服务有限公司。", "Community:和平居民区"),
])
def test_a_firm_an_estate_hires_manages_it(text, place):
    managed = {(r.source, r.target) for r in extract(text).relations.values() if r.type == "MANAGES"}
    assert len(managed) == 1 and next(iter(managed))[1] == place, managed


def test_a_name_jieba_cuts_a_character_short_is_the_full_name_the_case_gives():
    graph = extract("居民陈来康站在小区门口。陈来康回忆说，那时候小区很乱。")
    assert sorted(e for e in graph.entities if e.startswith("Person:")) == ["Person:陈来康"], sorted(graph.entities)


def test_partners_of_a_case_an_office_leads_co_build_with_its_places_party_committee():
    text = "柏林街道办事处推进小区治理。柏林街道党工委坚持党建引领。街道与柏林中学签订共建协议，柏林中学派出志愿者。"
    graph = extract(text, area="", subdistrict="柏林街道", title="柏林街道办事处推进小区治理")
    co_builds = {frozenset((r.source, r.target)) for r in graph.relations.values() if r.type == "CO_BUILDS"}
    assert frozenset(("PartnerUnit:柏林中学", "PartyOrganization:柏林街道党工委")) in co_builds, co_builds


def test_a_neighbourhood_named_only_late_in_a_sub_districts_case_is_not_its_area():
    text = ("柏林街道党工委坚持党建引领，下辖12个社区。各社区普遍成立“红色议事会”，每月召开一次会议。" + "居民踊跃参加议事。" * 40
            + "枫林社区被评为示范社区。枫林社区党委书记赵晓梅介绍了经验。")
    graph = extract(text, area="", subdistrict="柏林街道", title="柏林街道党建引领小区治理")
    assert "Committee:红色议事会" in graph.entities, sorted(graph.entities)


def test_a_body_set_up_right_before_by_x_is_led_by_x():
    graph = extract("和平居民区启动“青禾花园”项目。居民区还成立了青禾乡贤理事会，由居民区党总支书记陈建华牵头，吸纳乡贤20人。")
    leads = {r.target for r in graph.relations.values() if r.type == "LEADS" and r.evidence[0].rule == "by:牵头"}
    assert leads == {"Committee:青禾乡贤理事会"}, leads


def test_a_count_before_a_way_is_no_part_of_its_name():
    graph = extract("社区贴出一张“微实事”清单，居民一看就懂。")
    assert "Mechanism:微实事清单" in graph.entities, sorted(graph.entities)


def test_a_donation_funds_the_project():
    graph = extract("楼道扶手项目由辖区企业青松建设集团捐资3万元完成。")  # what the company is opens no name
    assert ("FUNDED", "PartnerUnit:青松建设集团", "Project:楼道扶手项目") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}, graph.relations


@pytest.mark.parametrize("text, name", [
    ("青禾村成立了农民专业合作社，村民以土地入股。", "PartnerUnit:青禾村农民专业合作社"),  # named after its village
    ("青禾村党支部探索党建引领发展。合作社年底给村民分红。", "PartnerUnit:青禾村合作社"),  # the case village's
    ("青禾村的青禾竹编合作社年底给村民分红。", "PartnerUnit:青禾竹编合作社"),
])
def test_a_villages_cooperative_is_a_partner(text, name):
    assert name in extract(text, area="青禾村", subdistrict="白沙镇").entities, sorted(extract(text).entities)


def test_support_reaches_no_body_past_the_end_of_its_clause():
    graph = extract("城东区民政局给予大力支持，松涛居委会负责日常运营。")
    supported = {r.target for r in graph.relations.values() if r.type == "SUPPORTS"}
    assert "Committee:松涛居委会" not in supported, supported


def test_money_given_for_a_project_funds_it():
    graph = extract("和平居民区党总支启动“邻里食堂”项目。城东区民政局为项目提供资金支持。")
    assert ("FUNDED", "GovernmentAgency:城东区民政局", "Project:邻里食堂项目") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}, graph.relations


def test_a_case_with_one_project_is_about_it():
    graph = extract("和平居民区党总支启动“口袋花园”微更新项目。施工由长江园林公司承担。")
    assert ("IMPLEMENTS", "PartnerUnit:长江园林公司", "Project:口袋花园微更新项目") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}, graph.relations


def test_an_unnamed_team_a_firm_sets_up_is_named_after_it_and_belongs_to_it():
    graph = extract("小区里的恒禧物业成立了一支志愿者团队，保安和保洁成为一线志愿者。")
    team = graph.entities["VolunteerTeam:恒禧物业志愿者团队"]
    assert team.implicit
    assert ("PART_OF", "VolunteerTeam:恒禧物业志愿者团队", "PropertyFirm:恒禧物业") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}
    graph = extract("恒禧物业进驻小区，居民成立了一支志愿者团队。")
    assert not [e for e in graph.entities.values() if e.type == "VolunteerTeam"], sorted(graph.entities)


@pytest.mark.parametrize("text, party, host", [
    ("嘉兴市青禾物业有限公司进驻小区。青禾物业公司党支部书记说。", "青禾物业公司党支部", "PropertyFirm:嘉兴市青禾物业有限公司"),
    ("卫健局派人参加。卫健局机关一支部与社区结对。", "卫健局机关一支部", "GovernmentAgency:卫健局"),
])
def test_a_company_or_bureau_owns_its_party_branch(text, party, host):
    graph = extract(text)
    assert ("PART_OF", f"PartyOrganization:{party}", host) in {
        (r.type, r.source, r.target) for r in graph.relations.values()}, sorted(graph.relations)


def test_a_street_party_committee_is_not_part_of_the_street_office():
    graph = extract("青松街道办事处和青松街道党工委共同推进。")
    assert not [r for r in graph.relations.values() if r.type == "PART_OF"], sorted(graph.relations)


def test_a_body_named_once_is_found_where_no_rule_would_name_it():
    graph = extract("居民区党总支书记王晓明介绍情况。在小区里王晓明多次上门走访。")
    assert len(graph.entities["Person:王晓明"].evidence) == 2


def test_an_estate_built_in_phases_owns_the_implicit_bodies():
    graph = extract("和平居民区翠竹花园一期有两栋楼。翠竹花园一期的业主很多，业委会和物业参与。")
    assert graph.entities["PropertyFirm:翠竹花园物业"].implicit
    assert graph.entities["Committee:翠竹花园业委会"].implicit


def test_an_estate_inside_a_shequ_is_a_place_of_its_own():
    graph = extract("走进桃李街道青松社区翠湖小区，大门口种满了花。", area="", subdistrict="")
    assert "Community:翠湖小区" in graph.entities
    assert not [name for name in graph.entities if "社区翠湖" in name], sorted(graph.entities)


@pytest.mark.parametrize("text", ["玉林东路社区党委书记介绍情况。", "玉林东路社区居委会召开会议。"])
def test_the_shequ_a_body_is_named_after_is_a_place(text):
    assert "Community:玉林东路社区" in extract(text, area="", subdistrict="").entities


def test_a_town_acting_as_its_collective_uses_a_mechanism():
    graph = extract("青禾镇探索“邻里互助”机制，成效明显。", area="", subdistrict="")
    assert ("USES_MECHANISM", "Community:青禾镇", "Mechanism:邻里互助机制") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}


@pytest.mark.parametrize("text, area, body, role", [
    ("会上，青竹苑党支部书记、业委会主任王立新首先作了经验分享。", "和平居民区", "PartyOrganization:青竹苑党支部", "书记"),
    ("青禾镇党委副书记、镇长王立新介绍说，村里变化很大。", "", "PartyOrganization:青禾镇党委", "副书记"),
])
def test_each_title_listed_before_a_name_makes_them_a_member(text, area, body, role):
    graph = extract(text, area=area, subdistrict="")
    relations = {(r.type, r.source, r.target, r.role) for r in graph.relations.values()}
    assert ("MEMBER_OF", "Person:王立新", body, role) in relations, relations


@pytest.mark.parametrize("text, village", [
    ("青禾镇坚持党建引领。乡村振兴有了新变化。镇里的松林村与多家企业结成党建联盟。", "Community:松林村"),
    ("目前，青禾镇已把镇内的松林社区、竹溪社区和梅岭村整合起来发展种植。", "Community:梅岭村"),
    ("这份经验与镇内松林村推行的积分制一道，写进了青禾镇的报告。", "Community:松林村"),
    ("青禾镇内的段庄村成立了合作社。", "Community:段庄村"),
])
def test_a_village_of_the_town_is_part_of_it(text, village):
    graph = extract(text, area="", subdistrict="青禾镇")
    relations = {(r.type, r.source, r.target) for r in graph.relations.values()}
    assert ("PART_OF", village, "Community:青禾镇") in relations, relations


def test_a_title_on_a_theme_does_not_make_a_body_named_after_it_the_case_lead():
    graph = extract("青松街道办事处推进改造，青松街道办事处协调各方。暖心物业楼栋党支部组织党员。推行“阳光议事”机制，居民受益。",
                    area="", subdistrict="青松街道", title="暖心物业让小区焕新")
    users = {r.source for r in graph.relations.values() if r.type == "USES_MECHANISM"}
    assert users == {"GovernmentAgency:青松街道办事处"}, users


def test_a_town_addressed_by_its_county_is_the_one_that_uses_a_mechanism():
    graph = extract("新都区青禾镇探索“邻里互助”机制，成效明显。", area="", subdistrict="")
    relations = {(r.type, r.source, r.target) for r in graph.relations.values()}
    assert ("USES_MECHANISM", "Community:青禾镇", "Mechanism:邻里互助机制") in relations, relations
    assert ("USES_MECHANISM", "Community:新都区", "Mechanism:邻里互助机制") not in relations, relations


@pytest.mark.parametrize("text, firm", [("党总支主动协商，推动物业参加例会。", None),
                                        ("居委会、安居物业和业委会共同参与。", "PropertyFirm:安居物业")])
def test_a_verb_after_a_comma_is_no_firms_name_but_a_word_after_a_list_mark_is(text, firm):
    firms = {name for name in extract(text).entities if name.startswith("PropertyFirm:")}
    assert not any("推动" in name for name in firms) and (firm is None or firm in firms), firms


def test_a_status_word_before_a_place_is_no_part_of_its_name():
    graph = extract("社区认真落实青州市的部署。", area="", subdistrict="")
    assert "Community:青州市" in graph.entities, sorted(graph.entities)


def test_implicit_bodies_of_an_estate_carry_its_full_name():
    graph = extract("走进长虹小区，楼道整洁。长虹小区的业主很多，业委会和物业一起商量。")
    assert graph.entities["Committee:长虹小区业委会"].implicit
    assert graph.entities["PropertyFirm:长虹小区物业"].implicit


def test_a_team_named_by_its_kind_is_the_cases_one_team_of_that_kind():
    graph = extract("徐阿姨成立一支楼栋舞蹈队。舞蹈队每周排练。")
    assert [e.id for e in graph.entities.values() if e.type == "VolunteerTeam"] == ["VolunteerTeam:楼栋舞蹈队"]
    graph = extract("党员攻坚突击队和青年护卫突击队成立了。突击队连夜清运。")
    assert "VolunteerTeam:突击队" in graph.entities


@pytest.mark.parametrize("name", ["高行", "中里", "和谐", "共和新", "平凉"])
def test_an_area_named_with_words_that_end_other_names_keeps_its_name(name):
    graph = extract(f"近年来，{name}居民区党总支探索自治。走进{name}居民区，环境整洁。", area="")
    assert {f"Community:{name}居民区", f"PartyOrganization:{name}居民区党总支"} <= set(graph.entities), \
        sorted(graph.entities)


@pytest.mark.parametrize("text, name", [
    ("在东方物业的支持下，居民成立了志愿服务队。", "PropertyFirm:东方物业"),
    ("居民区党总支联合中房物业开展活动。", "PropertyFirm:中房物业"),
    ("近年来，高行居委会积极参与社区治理。", "Committee:高行居委会"),
    ("近年来，新泾街道积极参与社区治理。", "GovernmentAgency:新泾街道办事处"),
    ("近年来，新泾街道着力推进社区治理。", "GovernmentAgency:新泾街道办事处"),
    ("新泾街道按照全区部署推进社区治理。", "GovernmentAgency:新泾街道办事处"),
])
def test_a_local_body_named_with_words_that_end_other_names_keeps_its_name(text, name):
    assert name in extract(text).entities, sorted(extract(text).entities)


@pytest.mark.parametrize("text, type_name", [
    ("在本居民区开展活动。", "Community"),
    ("推动各居民区党总支开展活动。", "Community"),
    ("走进该居民区，环境整洁。", "Community"),
    ("经楼组长同意后插上居委会统一制作的插牌。", "Community"),
    ("青松小区在社区治理中为物业服务与居民自治树起了标杆。", "PropertyFirm"),
])
def test_function_words_before_a_local_type_word_name_none(text, type_name):
    assert not [e for e in extract(text, area="").entities.values() if e.type == type_name]


def test_where_the_unit_is_the_neighbourhood_its_bare_bodies_are_the_neighbourhoods():
    graph = extract("桂溪社区位于高新区。桂溪社区党委组织居民议事，居委会梳理问题清单。", area="")
    assert graph.entities["Committee:桂溪社区居委会"].implicit
    graph = extract("走进青松街道桂溪社区。为此，社区党委多次召开座谈会，居委会梳理问题清单。", area="", subdistrict="")
    assert graph.entities["PartyOrganization:桂溪社区党委"].implicit
    assert graph.entities["Committee:桂溪社区居委会"].implicit
    graph = extract("桂溪社区和玉林社区都在高新区。居委会梳理问题清单。", area="")
    assert not [e for e in graph.entities.values() if e.type == "Committee"]


def test_where_the_unit_is_the_village_its_bare_party_branch_is_the_villages():
    graph = extract("青禾村位于山区。近年来，村党支部领办合作社，带领村民致富。", area="")
    assert graph.entities["PartyOrganization:青禾村党支部"].implicit
    assert "PartyOrganization:村党支部" not in graph.entities


def test_a_neighbourhood_of_many_estates_owns_no_bare_owners_committee_or_firm():
    graph = extract("桂溪社区位于高新区。桂溪社区党委指导业委会和物业公司协商停车问题。", area="")
    assert not [e for e in graph.entities.values() if e.type in ("Committee", "PropertyFirm")]
    graph = extract("和平居民区党总支指导业委会和物业公司协商停车问题。")
    assert {"Committee:和平居民区业委会", "PropertyFirm:和平居民区物业"} <= set(graph.entities)


def test_a_party_body_named_by_its_units_kind_is_that_units():
    graph = extract("和平居民区与长江中学开展共建，学校党支部组织师生参与活动。")
    assert "PartyOrganization:长江中学党支部" in graph.entities
    graph = extract("和平居民区与长江中学、黄河小学开展共建，学校党支部组织师生参与活动。")
    assert "PartyOrganization:学校党支部" in graph.entities
    graph = extract("绿源物业进驻小区。物业党支部书记王刚带领员工参与活动。")
    assert ("MEMBER_OF", "Person:王刚", "PartyOrganization:绿源物业党支部") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}
    graph = extract("社区引入青禾物业服务有限公司。物业公司党支部书记王刚带领员工入驻小区。")
    assert "PartyOrganization:青禾物业服务有限公司党支部" in graph.entities, sorted(graph.entities)
    assert "PartyOrganization:绿源物业党支部" in extract("绿源物业党支部书记王刚介绍。").entities


def test_an_implicit_body_also_carries_the_areas_form_of_its_name():
    graph = extract("和平居民区翠竹苑小区有两栋楼。翠竹苑小区的居委会召开会议，翠竹苑小区的业委会参与。")
    committee = graph.entities["Committee:和平居委会"]
    assert committee.implicit and "和平居民区居委会" in committee.aliases
    assert "和平居民区业委会" in graph.entities["Committee:翠竹苑小区业委会"].aliases


@pytest.mark.parametrize("short, registered", [("青禾物业公司", "江城市青禾物业有限公司"), ("青禾物业", "江城市青禾物业有限公司"),
                                               ("松涛置业", "松涛置业集团股份有限公司")])
def test_a_company_is_named_without_its_city_and_legal_form(short, registered):
    assert is_alias(short, registered)
    assert not is_alias("江城物业", registered)


def test_similar_names_stay_apart_and_aliases_join():
    assert is_alias("松韵党总支", "松韵居民区党总支")
    assert not is_alias("四平居民区", "四平一居民区")
    graph = extract("四平居民区和四平一居民区开展共建。")
    assert {"Community:四平居民区", "Community:四平一居民区"} <= set(graph.entities)


@pytest.mark.parametrize("text, short, full", [
    ("居民打造了“亲子文化楼”。这幢“亲子楼”很温馨。", "“亲子楼”", "Project:亲子文化楼"),
    ("居民区推进美好家园改造项目。美好家园项目惠及千户。", "美好家园项目", "Project:美好家园改造项目"),
    ("居民制作了一面“最美最暖笑脸墙”。“笑脸墙”展示在大厅。", "“笑脸墙”", "Project:最美最暖笑脸墙"),
    ("党总支对五楼平台进行局部改造。居民支持五楼平台改造。", "五楼平台", "Project:五楼平台改造"),
    ("居民参加洁净家园行动。每月开展洁净家园活动。", "洁净家园行动", "Project:洁净家园活动"),
    ("街道打造长江路睦邻街区。长江路项目建设顺利。", "长江路项目", "Project:长江路睦邻街区"),
    ("建成“党群”六个微空间。六个党群微空间受到欢迎。", "党群微空间", "Project:党群六个微空间"),
    ("居民打造“131弄、乐起来”平台。“131弄，乐起来”平台受到欢迎。", "“131弄，乐起来”平台", "Project:131弄、乐起来平台"),
    ("区里启动老旧小区环境提升项目。环境提升工程年底完工。", "环境提升工程", "Project:老旧小区环境提升项目"),
    ("党总支运用“邻里守望”化解矛盾。邻里守望机制让居民受益。", "“邻里守望”", "Mechanism:邻里守望机制"),
    ("着力打造“党建引领、多方共治”的红心物业服务体系。", "“党建引领、多方共治”", "Mechanism:红心物业服务体系"),
])
def test_short_forms_of_a_project_or_mechanism_are_one_thing(text, short, full):
    graph = extract(text)
    assert short in graph.entities[full].aliases
    assert [e.id for e in graph.entities.values() if e.type == full.split(":")[0]] == [full]


@pytest.mark.parametrize("text, names", [
    ("居民打造“2号文化楼组”和“12号文化楼组”。", {"Project:2号文化楼组", "Project:12号文化楼组"}),
    ("居民打造了“微慈善”和“微公益爱心坊”。", {"Project:微慈善", "Project:微公益爱心坊"}),
])
def test_projects_sharing_words_stay_apart(text, names):
    assert names <= set(extract(text).entities)


def test_a_quoted_name_ending_in_a_project_word_is_a_project_whatever_the_verb():
    assert "Project:先来先停方案" in extract("业主代表大会通过了“先来先停方案”。").entities


def test_a_campaign_called_a_project_is_the_campaign_under_that_form_too():
    graph = extract("居委会启动加装电梯工程。居民都盼着加梯。")
    campaigns = {e.name: e.aliases for e in graph.entities.values() if e.type == "Project"}
    assert "加装电梯工程" in campaigns.get("加装电梯", []), campaigns


@pytest.mark.parametrize("text, relation", [
    ("师大外语学院开设老年英语口语课。", ("PART_OF", "PartnerUnit:师大外语学院", "PartnerUnit:师大")),
    ("和平居民区党总支牵头成立光明志愿服务队。",
     ("LEADS", "PartyOrganization:和平居民区党总支", "VolunteerTeam:光明志愿服务队")),
    ("长江商贸集团与和平居民区党总支结对共建。",
     ("CO_BUILDS", "PartnerUnit:长江商贸集团", "PartyOrganization:和平居民区党总支")),
    ("在区委宣传部的积极引导下，光明志愿服务队开展活动。",
     ("GUIDES", "PartyOrganization:区委宣传部", "VolunteerTeam:光明志愿服务队")),
    ("在区园林市容局的大力支持下，居民打造“邻里花园”项目。",
     ("SUPPORTS", "GovernmentAgency:区园林市容局", "Project:邻里花园项目")),
    ("在区园林市容局的支持下，居民区成功孵化出“绿手指”园艺自治团队，逐步形成社区绿化“微”治理平台。",
     ("SUPPORTS", "GovernmentAgency:区园林市容局", "VolunteerTeam:绿手指园艺自治团队")),
    ("通过业委会、绿源物业等齐心协力，“邻里花园”项目顺利完工。",
     ("SUPPORTS", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("卫生死角经过区园林市容局、居民区党总支以及党员群众的努力变成了干净整洁的“微花园”。",
     ("PARTICIPATES_IN", "GovernmentAgency:区园林市容局", "Project:微花园")),
    ("正在小区内承建“邻里花园”项目的长江建设集团派出了工人。",
     ("IMPLEMENTS", "PartnerUnit:长江建设集团", "Project:邻里花园项目")),
    ("绿源物业负责“睦邻小院”的日常管理。", ("MANAGES", "PropertyFirm:绿源物业", "Project:睦邻小院")),
    ("“睦邻小院”由绿源物业统一管理。", ("MANAGES", "PropertyFirm:绿源物业", "Project:睦邻小院")),
    ("和平居民区下辖阳光一村、阳光二村和翠竹苑。", ("PART_OF", "Community:阳光二村", "Community:和平居民区")),
    ("长江设计院为“睦邻小院”免费提供设计方案。", ("DESIGNED", "PartnerUnit:长江设计院", "Project:睦邻小院")),
    ("区住建委为“睦邻小院”开辟快捷通道。", ("SUPPORTS", "GovernmentAgency:区住建委", "Project:睦邻小院")),
    ("在街道党工委的统一领导下，和平居民区党总支探索形成“三会一代理”工作机制。",
     ("GUIDES", "PartyOrganization:示范街道党工委", "PartyOrganization:和平居民区党总支")),
    ("在街道党工委的领导下，和平居民区党总支探索形成“三会一代理”工作机制。",
     ("USES_MECHANISM", "PartyOrganization:和平居民区党总支", "Mechanism:三会一代理工作机制")),
    ("和平居民区党总支牵头议事。这些做法与街道内松涛居民区推行的“邻里共商”议事模式一道写进了报告。",
     ("USES_MECHANISM", "Community:松涛居民区", "Mechanism:邻里共商议事模式")),
    ("青禾小区是一个老旧小区。青禾小区的居民大多是老人。近几年，小区先后完成了路灯更换、围墙修缮等一批改造。",
     ("LOCATED_IN", "Project:围墙修缮", "Community:青禾小区")),
    ("“睦邻小院”总投资50万元，由区水务局和长江商贸集团共同出资。",
     ("FUNDED", "GovernmentAgency:区水务局", "Project:睦邻小院")),
    ("和平居民区党总支书记张丽是“邻里花园”项目的发起人。", ("LEADS", "Person:张丽", "Project:邻里花园项目")),
    ("长江设计院是“睦邻小院”的设计单位。", ("DESIGNED", "PartnerUnit:长江设计院", "Project:睦邻小院")),
    ("居委会启动青禾小区楼道美化项目。", ("LOCATED_IN", "Project:青禾小区楼道美化项目", "Community:青禾小区")),
    ("面对青禾小区狭小的空间，和平居民区党总支通过“党建+微网格”凝聚合力。",
     ("USES_MECHANISM", "PartyOrganization:和平居民区党总支", "Mechanism:党建+微网格")),
    ("在区住建委的支持下，小区先后完成了路灯更换、围墙修缮等一批改造。",
     ("SUPPORTS", "GovernmentAgency:区住建委", "Project:围墙修缮")),
    ("由和平居民区党总支牵头，推进“邻里花园”项目。",
     ("LEADS", "PartyOrganization:和平居民区党总支", "Project:邻里花园项目")),
    ("和平居民区党总支打造邻里花园项目。绿源物业参与共建。",
     ("PARTICIPATES_IN", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("和平居民区党总支投资建设了“睦邻小院”。", ("FUNDED", "PartyOrganization:和平居民区党总支", "Project:睦邻小院")),
    ("“睦邻小院”由长江建设集团投资建设。", ("FUNDED", "PartnerUnit:长江建设集团", "Project:睦邻小院")),
    ("“睦邻小院”由长江建设集团投资建设。", ("IMPLEMENTS", "PartnerUnit:长江建设集团", "Project:睦邻小院")),
    ("和平居民区党总支和长江商贸集团党支部的党员携手组成光明小分队。",
     ("LEADS", "PartyOrganization:长江商贸集团党支部", "VolunteerTeam:光明小分队")),
    ("青禾小区建于1990年。青禾小区的居民很团结。小区的物业公司青松物业成立了党支部。",
     ("MANAGES", "PropertyFirm:青松物业", "Community:青禾小区")),
    ("“邻里花园”项目由长江建工集团、绿源物业共同参与，居民很满意。",
     ("PARTICIPATES_IN", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("和平居民区党总支将加强对光明志愿服务队的支持和指导。",
     ("GUIDES", "PartyOrganization:和平居民区党总支", "VolunteerTeam:光明志愿服务队")),
    ("和平居委会联合绿源物业，牵头完成了“邻里花园”项目。",
     ("PARTICIPATES_IN", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("和平居委会联合绿源物业，牵头完成了“邻里花园”项目。",
     ("LEADS", "Committee:和平居委会", "Project:邻里花园项目")),
    ("长江商贸集团是和平居民区党总支的共建单位之一。",
     ("CO_BUILDS", "PartnerUnit:长江商贸集团", "PartyOrganization:和平居民区党总支")),
    ("和平居民区党总支联合辖区单位长江商贸集团成立光明志愿服务队。",
     ("CO_BUILDS", "PartnerUnit:长江商贸集团", "PartyOrganization:和平居民区党总支")),
    ("和平居民区党总支召开会议。通过党建引领加强居委会、业委会、物业“四轮驱动”建设。",
     ("USES_MECHANISM", "PartyOrganization:和平居民区党总支", "Mechanism:四轮驱动")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。由和平居民区党总支牵头，业委会、绿源物业积极配合，召开了业主代表大会。",
     ("SUPPORTS", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("长江中学师生积极参与“邻里花园”项目。", ("PARTICIPATES_IN", "PartnerUnit:长江中学", "Project:邻里花园项目")),
    ("“邻里花园”项目由同济大学设计团队设计。", ("DESIGNED", "PartnerUnit:同济大学设计团队", "Project:邻里花园项目")),
    ("设计师李想为“邻里花园”项目设计了方案。", ("DESIGNED", "Person:李想", "Project:邻里花园项目")),
    ("和平居民区党总支推进“邻里花园”项目，由长江建设公司负责施工。",
     ("IMPLEMENTS", "PartnerUnit:长江建设公司", "Project:邻里花园项目")),
    ("“邻里花园”项目的施工由长江建设公司承担，绿源物业负责花园的日常维护。",
     ("IMPLEMENTS", "PartnerUnit:长江建设公司", "Project:邻里花园项目")),
    ("“邻里花园”项目的施工由长江建设公司承担，绿源物业负责花园的日常维护。",
     ("MANAGES", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("“邻里花园”项目的设计由同济大学承担。", ("DESIGNED", "PartnerUnit:同济大学", "Project:邻里花园项目")),
    ("“邻里花园”项目总造价约68万元，区财政补贴24万元。", ("FUNDED", "GovernmentAgency:区财政", "Project:邻里花园项目")),
    ("“邻里花园”项目费用共计85万元，业委会从公共收益中列支25万元。",
     ("FUNDED", "Committee:和平居民区业委会", "Project:邻里花园项目")),
    ("浦东公安分局光明派出所对周边道路进行了梳理。",
     ("PART_OF", "GovernmentAgency:浦东公安分局光明派出所", "GovernmentAgency:浦东公安分局")),
    ("和平居民区有三个小区。辖区内的长江医院、光明中学等单位错时开放停车位。", ("LOCATED_IN", "PartnerUnit:光明中学", "Community:和平居民区")),
    ("和平居民区党总支与长江医院党委结对共建，长江医院开放了停车位。",
     ("CO_BUILDS", "PartnerUnit:长江医院", "PartyOrganization:和平居民区党总支")),
    ("党课选在上海嘉定区安澜镇举行。", ("PART_OF", "Community:安澜镇", "Community:嘉定区")),
    ("党课选在上海嘉定区安澜镇举行。", ("PART_OF", "Community:嘉定区", "Community:上海")),
    ("花溪开发区属于江苏省昆山市花溪开发区。", ("PART_OF", "Community:昆山市", "Community:江苏省")),
    ("居民区党总支书记王晓明介绍了情况。", ("MEMBER_OF", "Person:王晓明", "PartyOrganization:和平居民区党总支")),
    ("长宁街道和平居民区位于城东。", ("PART_OF", "Community:和平居民区", "Community:长宁街道")),
    ("和平居民区党总支运用“三会一评”工作法议事。",
     ("USES_MECHANISM", "PartyOrganization:和平居民区党总支", "Mechanism:三会一评工作法")),
    ("和平居民区党总支召开会议。和平居民区还依托“睦邻议事厅”，推行“楼栋自治”模式。",
     ("USES_MECHANISM", "PartyOrganization:和平居民区党总支", "Mechanism:楼栋自治模式")),
    ("和平居委会主任李静介绍，光明志愿服务队成立后制定了《楼道文明公约》。",
     ("USES_MECHANISM", "VolunteerTeam:光明志愿服务队", "Mechanism:楼道文明公约")),
    ("和平居民区党总支召开会议。示范街道党工委副书记陈芳表示，下一步将在全街道推行“党建+物业”治理模式。",
     ("USES_MECHANISM", "PartyOrganization:示范街道党工委", "Mechanism:党建+物业治理模式")),
    ("和平居民区党总支在示范街道办事处的支持下孵化出光明志愿服务队。",
     ("LEADS", "PartyOrganization:和平居民区党总支", "VolunteerTeam:光明志愿服务队")),
    ("和平居民区党总支多次召集业委会、物业召开“千智汇”议事堂会议。",
     ("LEADS", "PartyOrganization:和平居民区党总支", "Committee:和平居民区千智汇议事堂")),
    ("为助力垃圾分类项目，辖区单位长江商贸集团的员工到居民区宣传。",
     ("SUPPORTS", "PartnerUnit:长江商贸集团", "Project:垃圾分类")),
    ("在加入和平社区共建项目后，长江商贸集团党支部经常组织活动。",
     ("PARTICIPATES_IN", "PartyOrganization:长江商贸集团党支部", "Project:和平社区共建项目")),
    ("在长宁区春申府邸小区，小区里的绿源物业成立了志愿者团队。",
     ("MANAGES", "PropertyFirm:绿源物业", "Community:春申府邸小区")),
    ("绿源物业在翠竹苑小区有现场管理。", ("MANAGES", "PropertyFirm:绿源物业", "Community:翠竹苑小区")),
    ("和平居民区的业主同意绿源物业于7月1日进入小区。", ("MANAGES", "PropertyFirm:绿源物业", "Community:和平居民区")),
    ("构建社区党总支—片区党支部—楼栋党小组的组织架构。",
     ("PART_OF", "PartyOrganization:楼栋党小组", "PartyOrganization:片区党支部")),
    ("打造各具特色的书香楼道。例如邻里互助的和睦楼道、健康宣传的科技楼道等。",
     ("PART_OF", "Project:科技楼道", "Project:书香楼道")),
    ("位于虹湾商务区核心区的新虹街道推进楼道微更新。", ("PART_OF", "Community:新虹街道", "Community:虹湾商务区")),
    ("同年长宁街道花费5600万对于和平居民区进行了美好家园改造项目。",
     ("FUNDED", "GovernmentAgency:长宁街道办事处", "Project:美好家园改造项目")),
    ("和平居民区党总支召集各方。长江商贸集团送来了树苗。在共建单位和居民的共同努力下，花园建成了。",
     ("CO_BUILDS", "PartnerUnit:长江商贸集团", "PartyOrganization:和平居民区党总支")),
    ("和平居民区党总支邀请辖区单位青年开展青年绿色定向赛。",
     ("LEADS", "PartyOrganization:和平居民区党总支", "Project:青年绿色定向赛")),
    ("牢固树立一盘棋思想，会同区房管办、长江商贸集团定期召开推进会，紧扣邻里花园项目的重点问题。",
     ("PARTICIPATES_IN", "PartnerUnit:长江商贸集团", "Project:邻里花园项目")),
    ("在和平居民区党总支的牵头下，居委会、业委会协同配合，推进邻里花园项目。",
     ("LEADS", "PartyOrganization:和平居民区党总支", "Project:邻里花园项目")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。先是绿源物业协助清理场地上的建筑垃圾。",
     ("SUPPORTS", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("和平居民区党总支按照区水务局的要求推进邻里花园项目。",
     ("GUIDES", "GovernmentAgency:区水务局", "Project:邻里花园项目")),
    ("和平居民区党总支打造“邻里花园”项目。很快，长江公益基金筹集了部分资金；邻里花园项目建成了。",
     ("FUNDED", "PartnerUnit:长江公益基金", "Project:邻里花园项目")),
    ("金桥新村党支部隶属于和平居民区党总支。",
     ("PART_OF", "PartyOrganization:金桥新村党支部", "PartyOrganization:和平居民区党总支")),
    ("翠竹苑由绿源物业负责日常管理。", ("MANAGES", "PropertyFirm:绿源物业", "Community:翠竹苑")),
    ("绿源物业承接了翠竹苑的物业服务。", ("MANAGES", "PropertyFirm:绿源物业", "Community:翠竹苑")),
    ("区水务局对邻里花园项目进行了全程监督。", ("GUIDES", "GovernmentAgency:区水务局", "Project:邻里花园项目")),
    ("一堂青年团员公开课在翠竹苑小区内的活动室里上演。",
     ("LOCATED_IN", "Project:青年团员公开课", "Community:翠竹苑小区")),
    ("长江电力党委第二支部是和平居民区党总支的共建单位之一。",
     ("PART_OF", "PartyOrganization:长江电力党委第二支部", "PartyOrganization:长江电力党委")),
    ("和平居民区党总支打造了邻里智慧平台项目。除纳入已开通的物业服务监督系统外，平台还搭载了物业安全巡查系统、业委会事务系统。",
     ("PART_OF", "Project:业委会事务系统", "Project:邻里智慧平台项目")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。党总支与光明志愿服务队通力合作，一起上门拜访老邻居。",
     ("SUPPORTS", "VolunteerTeam:光明志愿服务队", "Project:邻里花园项目")),
    ("和平居民区党总支督促绿源物业规范车辆停放。",
     ("GUIDES", "PartyOrganization:和平居民区党总支", "PropertyFirm:绿源物业")),
    ("同年长江建设集团在小区里进行了邻里花园改造项目。",
     ("IMPLEMENTS", "PartnerUnit:长江建设集团", "Project:邻里花园改造项目")),
    ("长江商贸集团为邻里花园项目免费安装了充电车棚。",
     ("PARTICIPATES_IN", "PartnerUnit:长江商贸集团", "Project:邻里花园项目")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。长江大学为街区进行理论指导。",
     ("SUPPORTS", "PartnerUnit:长江大学", "Project:邻里花园项目")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。街道城建中心委托长江设计研究总院进行方案设计，长江建工集团负责施工。",
     ("IMPLEMENTS", "PartnerUnit:长江建工集团", "Project:邻里花园项目")),
    ("和平居民区下辖翠竹苑小区，翠竹苑小区建于1990年。改造完成后，小区由长宁物业负责日常管理。",
     ("MANAGES", "PropertyFirm:长宁物业", "Community:翠竹苑小区")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。区水务局全程指导，长江建工集团负责施工。",
     ("GUIDES", "GovernmentAgency:区水务局", "Project:邻里花园项目")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。花园建成后，由绿源物业负责日常维护。",
     ("MANAGES", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("和平居民区党总支还与长江银行长宁支行党支部签订共建协议。",
     ("CO_BUILDS", "PartyOrganization:长江银行长宁支行党支部", "PartyOrganization:和平居民区党总支")),
    ("翠竹苑小区由新长宁物业管理。", ("MANAGES", "PropertyFirm:新长宁物业", "Community:翠竹苑小区")),
    ("翠竹苑小区由长江物业负责日常保洁。", ("MANAGES", "PropertyFirm:长江物业", "Community:翠竹苑小区")),
    ("示范街道办事处推进主题楼栋建设。", ("LEADS", "GovernmentAgency:示范街道办事处", "Project:主题楼栋建设")),
    ("桂溪社区党委探索院落自治。长江医院党委与社区党委签订共建协议。",
     ("CO_BUILDS", "PartyOrganization:桂溪社区党委", "PartyOrganization:长江医院党委")),
    ("长江设计院负责邻里花园项目的整体设计。", ("DESIGNED", "PartnerUnit:长江设计院", "Project:邻里花园项目")),
    ("居委会为“邻里花园”项目筹集资金，长江建工集团负责施工，长江物业承担花园的日常养护。",
     ("IMPLEMENTS", "PartnerUnit:长江建工集团", "Project:邻里花园项目")),
    ("居委会为“邻里花园”项目筹集资金，长江建工集团负责施工，长江物业承担花园的日常养护。",
     ("MANAGES", "PropertyFirm:长江物业", "Project:邻里花园项目")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。长江物业有限公司承担花园的日常养护。",
     ("MANAGES", "PropertyFirm:长江物业有限公司", "Project:邻里花园项目")),
    ("长江银行支行党支部和青松街道翠竹社区党委的党员携手慰问困难家庭。",
     ("CO_BUILDS", "PartyOrganization:翠竹社区党委", "PartyOrganization:长江银行支行党支部")),
    ("长江银行支行党支部和青松街道翠竹社区党委的党员携手组成暖心小分队，走访困难家庭。",
     ("CO_BUILDS", "PartyOrganization:翠竹社区党委", "PartyOrganization:长江银行支行党支部")),
    ("和平社区党委书记李静告诉记者，他们还牵头成立了青禾议事会。",
     ("LEADS", "PartyOrganization:和平社区党委", "Committee:和平居民区青禾议事会")),
])
def test_relation_rules(text, relation):
    graph = extract(text)
    found = {(r.type, r.source, r.target) for r in graph.relations.values()}
    assert relation in found, sorted(found)


@pytest.mark.parametrize("text, relation", [
    ("长宁区新华路街道和平居民区党总支联合长江中学成立光明志愿服务队。",
     ("CO_BUILDS", "PartnerUnit:长江中学", "Community:新华路街道")),
    ("金申城小区住有一定数量长江商贸集团青年，居民区党总支开展“双园共建”活动。",
     ("CO_BUILDS", "PartnerUnit:长江商贸集团", "PartyOrganization:和平居民区党总支")),
    ("在和平居民区党总支的牵头下，居委会、业委会协同配合，推进邻里花园项目。",
     ("LEADS", "PartyOrganization:和平居民区党总支", "Committee:和平居委会")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。和平居民区党总支将加强对光明志愿服务队的支持。",
     ("SUPPORTS", "VolunteerTeam:光明志愿服务队", "Project:邻里花园项目")),
    ("和平居民区党总支召开会议。加梯工作很难，居民对加梯意见不一。",
     ("LEADS", "PartyOrganization:和平居民区党总支", "Project:加装电梯")),
    ("翠竹苑小区的居民大多是长江商贸集团的退休员工。", ("LOCATED_IN", "PartnerUnit:长江商贸集团", "Community:翠竹苑小区")),
    ("和平居民区党总支打造邻里花园项目。邻里花园项目很受欢迎。业委会、绿源物业积极配合。",
     ("SUPPORTS", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("和平居民区位于城市东南部，辖区内有翠竹苑等小区。", ("PART_OF", "Community:和平居民区", "Community:翠竹苑")),
    ("和平居民区党总支打造了邻里智慧平台项目。除纳入已开通的物业服务监督系统外，平台还搭载了物业安全巡查系统、业委会事务系统。",
     ("PART_OF", "Project:业委会事务系统", "Project:物业服务监督系统")),
    ("绿源物业负责“睦邻小院”的日常管理。", ("IMPLEMENTS", "PropertyFirm:绿源物业", "Project:睦邻小院")),
    ("在街道党工委的领导下，和平居民区党总支探索形成“三会一代理”工作机制。",
     ("USES_MECHANISM", "PartyOrganization:示范街道党工委", "Mechanism:三会一代理工作机制")),
    ("翠竹苑小区由于物业公司管理缺位，矛盾突出。",
     ("MANAGES", "PropertyFirm:和平居民区物业", "Community:翠竹苑小区")),
    ("翠竹苑小区由居委会开展垃圾分类管理。", ("MANAGES", "Committee:和平居委会", "Community:翠竹苑小区")),
    ("长江设计院负责邻里花园项目的整体设计。", ("IMPLEMENTS", "PartnerUnit:长江设计院", "Project:邻里花园项目")),
    ("和平社区党委书记李静告诉记者，他们还牵头成立了青禾议事会。", ("LEADS", "Person:李静", "Committee:和平居民区青禾议事会")),
    ("青松开发区松涛中心党委以“青禾课堂”项目为抓手，服务居民。",
     ("LOCATED_IN", "Project:青禾课堂项目", "Community:青松开发区")),
    ("和平居民区环境优美。翠竹苑小区的居民前来参观。", ("PART_OF", "Community:翠竹苑小区", "Community:和平居民区")),
    ("由和平居民区党总支牵头，业委会、物业积极配合，根据《物业管理条例》《青山市住宅物业管理规定》召开了业主大会。",
     ("MANAGES", "Committee:和平居民区业委会", "Community:青山市")),
    ("和平居民区党总支打造邻里花园项目。绿源物业共同参与讨论停车难题。",
     ("PARTICIPATES_IN", "PropertyFirm:绿源物业", "Project:邻里花园项目")),
    ("和平居民区党总支推动绿源物业参加业委会例会。", ("LEADS", "PartyOrganization:和平居民区党总支", "Committee:和平居民区业委会")),
    ("由党员骨干、业委会、楼组长组成的青禾议事小组成立了。", ("LEADS", "Committee:和平居民区业委会", "Committee:青禾议事小组")),
])
def test_relations_the_rules_must_not_read(text, relation):
    graph = extract(text)
    assert relation not in {(r.type, r.source, r.target) for r in graph.relations.values()}


def test_the_body_whose_place_the_title_names_is_the_cases_lead():
    text = ("光明路街道党工委召开会议，推动结对共建。和平居民区党总支书记张丽参加会议。"
            "和平居民区党总支组织居民参加。青松商贸集团等共建单位积极参与。")
    graph = extract(text, title="光明路街道共建案例")
    co_builds = {frozenset((r.source, r.target)) for r in graph.relations.values() if r.type == "CO_BUILDS"}
    assert frozenset(("PartnerUnit:青松商贸集团", "PartyOrganization:光明路街道党工委")) in co_builds, co_builds
    assert frozenset(("PartnerUnit:青松商贸集团", "PartyOrganization:和平居民区党总支")) not in co_builds, co_builds


def test_a_社区_named_by_a_common_word_is_a_place_where_its_own_body_is_named_after_it():
    graph = extract("星河社区党委书记张红介绍了经验。走进星河社区，楼道整洁明亮。", area="", subdistrict="")
    assert "Community:星河社区" in graph.entities, sorted(graph.entities)


@pytest.mark.parametrize("text, place", [
    ("石桥镇青山村位于山脚下，村民以种茶为生。", "Community:青山村"),  # 青山, a place name, before 村
    ("这个小山村位于山脚下，村民以种茶为生。", None),  # 山村, a common word
])
def test_a_village_named_by_a_place_word_ending_in_a_common_words_first_character(text, place):
    villages = {k for k in extract(text, area="", subdistrict="").entities if k.endswith("村")}
    assert villages == ({place} if place else set()), villages


@pytest.mark.parametrize("text", [
    "今年，长安街道翠湖社区党委牵头成立议事会。",  # 长安街|道翠湖, as jieba cuts it
    "今年，桂州市南城区长安街道翠湖社区党委牵头成立议事会。",  # 桂州|市南|城区|长安街
])
def test_a_place_whose_name_jieba_runs_into_the_next_word_still_ends_at_its_type_word(text):
    graph = extract(text, area="", subdistrict="")
    assert {"Community:长安街道", "Community:翠湖社区", "PartyOrganization:翠湖社区党委"} <= set(graph.entities), \
        sorted(graph.entities)


def test_a_neighbourhood_named_社区_is_no_district():
    graph = extract("松涛街道青禾社区有居民三千户。青禾社区党委牵头组织居民议事。", area="", subdistrict="")
    part_of = {(r.source, r.target) for r in graph.relations.values() if r.type == "PART_OF"}
    assert part_of == {("Community:青禾社区", "Community:松涛街道")}, part_of


def test_a_headlines_run_of_short_place_names_is_the_place_the_text_names_in_full():
    text = "桂州松溪青禾街道：议事会议出幸福账\n桂州市松溪区青禾街道翠竹社区党委牵头成立议事会。"
    graph = extract(text, area="", subdistrict="桂州松溪青禾街道", title="桂州松溪青禾街道：议事会议出幸福账")
    places = {k for k in graph.entities if k.startswith("Community:")}
    assert "Community:桂州松溪青禾街道" not in places and "Community:青禾街道" in places, places
    part_of = {(r.source, r.target) for r in graph.relations.values() if r.type == "PART_OF"}
    assert ("Community:翠竹社区", "Community:青禾街道") in part_of, part_of


def test_relations_carry_evidence_and_rule():
    graph = extract("在示范街道党工委的支持下，和平居民区党总支牵头打造“邻里花园”项目。长江商贸集团出资二十万元用于邻里花园项目。")
    funded = [r for r in graph.relations.values() if r.type == "FUNDED"]
    assert funded and funded[0].amount == 200_000
    leads = [r for r in graph.relations.values() if r.type == "LEADS"]
    assert leads and leads[0].evidence[0].rule and leads[0].evidence[0].sentence


def test_the_project_the_title_names_in_quotes_is_the_cases_project():
    graph = extract("绿源物业负责日常维护。“邻里花园”项目很受欢迎。", title="“邻里花园”让小区焕新")
    assert ("MANAGES", "PropertyFirm:绿源物业", "Project:邻里花园项目") in {
        (r.type, r.source, r.target) for r in graph.relations.values()}, graph.relations


def test_work_that_money_is_given_for_is_the_funded_project():
    graph = extract("长江银行捐赠资金10万元，用于院落公共空间改造。")
    funded = [(r.source, r.target, r.amount) for r in graph.relations.values() if r.type == "FUNDED"]
    assert funded == [("PartnerUnit:长江银行", "Project:院落公共空间改造", 100_000)], funded
    graph = extract("长江银行捐赠资金10万元，用于路面修缮和车棚改造。")
    assert not [e for e in graph.entities.values() if e.type == "Project"], sorted(graph.entities)


def test_each_funder_gives_the_amount_named_in_its_own_clause():
    graph = extract("“邻里花园”项目资金由光明路街道办事处出资15万元，长江银行捐赠3万元。")
    funded = {r.source: r.amount for r in graph.relations.values() if r.type == "FUNDED"}
    assert funded == {"GovernmentAgency:光明路街道办事处": 150_000, "PartnerUnit:长江银行": 30_000}, funded


@pytest.mark.parametrize("text", ["和平居民区党总支书记张丽介绍。", "张丽担任和平居民区党总支书记。"])
def test_a_member_carries_the_role_named_with_them(text):
    graph = extract(text)
    members = [r for r in graph.relations.values() if r.type == "MEMBER_OF"]
    assert [(r.source, r.target, r.role) for r in members] == [
        ("Person:张丽", "PartyOrganization:和平居民区党总支", "书记")], graph.relations


def test_one_who_takes_a_role_is_a_member_of_the_body_named_before():
    graph = extract("和平居民区党总支成立光明志愿服务队，由退休党员李刚担任队长。")
    members = [(r.source, r.target, r.role) for r in graph.relations.values() if r.type == "MEMBER_OF"]
    assert members == [("Person:李刚", "VolunteerTeam:光明志愿服务队", "队长")], members


def test_curation_merges_renames_and_reports_errors(tmp_path):
    graph = extract("和平居民区党总支牵头。绿源物业负责管理。")
    curation = tmp_path / "curation.yaml"
    curation.write_text("rename:\n  - id: PropertyFirm:绿源物业\n    name: 绿源物业管理公司\n    note: full name\n",
                        encoding="utf-8")
    report = apply_curation(graph, curation)
    assert "PropertyFirm:绿源物业管理公司" in graph.entities and report.applied["rename"] == 1
    curation.write_text("retype:\n  - id: Project:没有\n    type: Mechanism\n", encoding="utf-8")
    with pytest.raises(CurationError, match="retype #1: unknown entity"):
        apply_curation(graph, curation)
    curation.write_text("retype:\n  - id: PropertyFirm:绿源物业管理公司\n    type: Firm\n", encoding="utf-8")
    with pytest.raises(CurationError, match="unknown node type 'Firm'"):
        apply_curation(graph, curation)


def test_corpus_score_stays_above_its_floor(corpus_build):
    scorer = ROOT.parent / "shared" / "tools" / "kgscore.py"
    report = json.loads(subprocess.run([sys.executable, str(scorer), str(corpus_build.path), str(GOLD), "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    assert report["entities"]["all"]["f1"] >= ENTITY_F1_FLOOR
    assert report["relations"]["all"]["f1"] >= RELATION_F1_FLOOR


def test_graph_json_contract(corpus_build):
    data = json.loads(corpus_build.path.read_text(encoding="utf-8"))
    for node in data["nodes"]:
        assert {"id", "type", "name", "aliases", "cases"} <= set(node)
    for link in data["links"]:
        assert {"source", "target", "type", "cases", "evidence"} <= set(link)
    ids = [n["id"] for n in data["nodes"]]
    assert len(ids) == len(set(ids))


def test_builds_do_not_depend_on_hash_order(tmp_path):
    """Same input, same graph: set iteration order (PYTHONHASHSEED) must not leak into names or relations."""
    outputs = []
    for seed in ("1", "4"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "casegraph.cli", "build", str(CORPUS), "--out", str(out)],
                       check=True, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append((out / "graph.json").read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("text, users", [
    ("和平居民区党总支牵头成立议事会。后来，又建立了“三会一议”工作法。",
     [("PartyOrganization:和平居民区党总支", "mechanism:lead")]),
    ("和平居民区党总支牵头成立议事会。说起“三会一议”工作法，居民们赞不绝口。", []),
    ("和平居民区党总支牵头成立议事会。“三会一议”工作法把居民的事摆上台面。", []),
])
def test_a_mechanism_a_subjectless_clause_adopts_is_the_lead_bodys_by_a_rule_of_its_own(text, users):
    uses = [r for r in extract(text).relations.values() if r.type == "USES_MECHANISM"]
    assert [(r.source, r.evidence[0].rule) for r in uses] == users


def test_a_counted_list_of_quoted_ways_names_each_way_and_not_the_kind():
    graph = extract("近年来，街道先后探索出“全托管”“居民自管”“楼组自理”三种治理模式。")
    mechanisms = {e.name for e in graph.entities.values() if e.type == "Mechanism"}
    assert mechanisms == {"全托管", "居民自管", "楼组自理"}, mechanisms


def test_a_place_located_in_a_chain_of_places_is_part_of_the_innermost():
    graph = extract("松园社区位于青山市松涛区和平路街道，小区建于上世纪80年代。", area="")
    parts = {(r.source, r.target) for r in graph.relations.values() if r.type == "PART_OF"}
    assert ("Community:松园社区", "Community:和平路街道") in parts, parts
    assert ("Community:松园社区", "Community:青山市") not in parts, parts


@pytest.mark.parametrize("text, name", [
    ("社区建立居委会、业委会、物业“三方共商”议事机制。", "Mechanism:三方共商议事机制"),  # bodies it joins, listed
    ("接诉即办“每月一题”柳荫街道破解停车难。", "GovernmentAgency:柳荫街道办事处"),
    ("“每月一题”松涛街道党工委破解停车难。", "PartyOrganization:松涛街道党工委"),
    ("小区建立起“红心”党员巡逻队。", "VolunteerTeam:红心党员巡逻队"),  # a kind of team, named by the quote
])
def test_a_name_leaves_out_the_quoted_words_or_listed_bodies_before_it(text, name):
    assert name in extract(text, area="").entities, sorted(extract(text, area="").entities)


@pytest.mark.parametrize("text", [
    "同在城东区的松涛镇则以“四季议事”为核心开展工作。",
    "地处城东区的松涛镇以“四季议事”为核心开展工作。",
])
def test_a_place_said_to_be_where_a_body_is_addresses_it_and_is_not_the_subject(text):
    graph = extract(text, area="")
    relations = {(r.type, r.source, r.target) for r in graph.relations.values()}
    assert ("PART_OF", "Community:松涛镇", "Community:城东区") in relations, relations
    assert ("USES_MECHANISM", "Community:松涛镇", "Mechanism:四季议事") in relations, relations
    assert not any(source == "Community:城东区" for _, source, _ in relations), relations


@pytest.mark.parametrize("text, not_a_name", [
    ("走进青松街道广场社区，居民正在议事。", "Community:青松街道广场"),
    ("街道针对售后公房和商品房两类小区分类施策。", "Community:商品房两类小区"),
    ("业主大会同意启用大修基金修缮屋顶。", "PartnerUnit:大修基金"),
    ("在青禾市党支部引领合作社评优活动中，松涛村获奖。", "PartyOrganization:青禾市党支部"),  # a city has no branch
    ("在济南市党支部引领合作社评优活动中，松涛村获奖。", "PartyOrganization:济南市党支部"),  # 南市 is a place word too
    ("街道选定市委大院社区作为试点。", "PartyOrganization:市委"),  # a compound named after the committee
    ("网格员负责走访、收集物业方面的问题。", "PropertyFirm:收集物业"),
    ("村里联合高校和专业公司发展加工。", "PartnerUnit:专业公司"),
    ("青禾村的产业链条越拉越长。", "Mechanism:产业链条"),
    ("小区完成了一批改造，安全隐患得到整治。", "Project:安全隐患得到整治"),
    ("青松小区的书屋从“想法”一步步变成了“工程”。", "Project:工程"),
    ("青禾社区建成全市首个共享平台。", "Project:首个共享平台"),
    ("五家党建联建单位代表出席签约。", "Mechanism:党建联建"),  # a way of governing describing the units
    ("松林村被评为省级文明村。", "Community:省级文明村"),  # an honour, no place
    ("村党支部筹资修建村文化广场。", "Community:村文化广场"),  # a facility, no estate
    ("白沙镇特色合作社品牌建设成效明显。", "PartnerUnit:白沙镇特色合作社"),  # the brand, no co-op
    ("街道推行“支部领着干、居民商量干”的联席会议机制。", "Mechanism:联席会议机制"),  # the kind of the quoted way
    ("青石村是一个山区村，也是一个典型村。", "Community:山区村"),  # a kind of village, no place
    ("社区孵化了“银发帮帮团”“青松巡逻队”等6支志愿服务队伍。", "VolunteerTeam:志愿服务队伍"),  # the kind of the teams
    ("推动网格员队伍专业化、职业化。", "VolunteerTeam:网格员队伍"),  # the staff, no team
    ("首先对弄堂停车进行整治。", "Project:弄堂停车进行整治"),  # a work done, no name
    ("对居民反映集中的问题，先由议事会协商，再由代表形成建议。", "Committee:和平居民区先由议事会"),  # 先由 glued
    ("“青禾议事厅”议出城中村治理新路子。", "Community:议出城中村"),  # a kind of village, after a verb
    ("“青禾议事厅”先后商议巷道改造、消防安全等事项。", "Project:青禾议事厅先后商议巷道改造"),  # the body acts
    ("住在6楼的居民陈伯高兴地说：“终于不用爬楼了。”", "Person:陈伯"),  # a form of address
    ("楼下干净了，居民钱大妈笑着说。", "Person:钱大妈"),  # a form of address
    ("——访青湖区柳塘街道荷花社区党委书记吴秀兰", "Community:访青湖区"),  # an interview's subtitle
    ("和平居民区先后获评“松江市和谐社区”“松江市文明社区”。", "Project:松江市文明社区"),  # honours, no work
])
def test_words_that_only_look_like_names_name_nothing(text, not_a_name):
    assert not_a_name not in extract(text).entities, sorted(extract(text).entities)


@pytest.mark.parametrize("text, name, places, user", [
    # a slogan practised is a way; the bare estate opening its clause uses it
    ("青禾小区建于2000年。青禾小区有住户300户。小区的各项收费坚持“收支公开，账目透明”：物业费全部公示。", "收支公开，账目透明",
     {}, ("Community:青禾小区", "mechanism:estate-does")),
    # in a rural case, a way no body is named for is the town's
    ("近年来，松涛镇推动各村抱团发展。产业链条越拉越长，“支部引领+农户”的路子越走越宽。", "支部引领+农户",
     {"area": "松涛镇", "subdistrict": "松涛镇"}, ("Community:松涛镇", "mechanism:town")),
])
def test_a_way_no_body_is_named_for_is_used_by_the_place_doing_it(text, name, places, user):
    graph = extract(text, **places)
    mechanism = graph.entities.get(f"Mechanism:{name}")
    assert mechanism is not None, sorted(graph.entities)
    users = {(r.source, r.evidence[0].rule) for r in graph.relations.values()
             if r.type == "USES_MECHANISM" and r.target == mechanism.id}
    assert users == {user}, users


def test_a_slogan_that_names_a_result_is_no_way():
    graph = extract("居民之间形成“有事多商量，遇事好商量”的良好氛围。")
    assert not [e for e in graph.entities.values() if e.type == "Mechanism"], sorted(graph.entities)


def test_a_name_the_segmenter_glued_to_the_verb_after_it_ends_before_the_verb():
    graph = extract("市民政局副局长李青到小区调研。")
    assert {"Person:李青", "GovernmentAgency:市民政局"} <= set(graph.entities), sorted(graph.entities)
    assert not [e for e in graph.entities.values() if e.type == "Community"], sorted(graph.entities)


@pytest.mark.parametrize("text, place", [
    ("青禾小区建于2000年。青禾小区位于和平居民区。小区里建起了青禾书屋。", "Community:青禾小区"),
    ("青禾小区建于2000年。青禾小区位于和平居民区。居民区还建起了青禾书屋。", "Community:和平居民区"),
    ("松林村位于山脚。松林村发展种植。村里还建起了青禾书屋。", "Community:松林村"),  # a village is a rural case's area
])
def test_a_facility_placed_nowhere_is_in_the_estate_unless_the_area_builds_it(text, place):
    area = "" if "村" in text else "和平居民区"
    located = {r.target for r in extract(text, area=area).relations.values()
               if r.type == "LOCATED_IN" and r.source == "Project:青禾书屋"}
    assert located == {place}, located


@pytest.mark.parametrize("text, facility, works", [
    ("青禾小区建于2000年。青禾小区位于和平居民区。小区开始“焕新”改造：路面被填平，景观路灯装了起来。",
     "Project:景观路灯", {"Project:焕新改造"}),
    ("青禾小区建于2000年。青禾小区位于和平居民区。党总支推动“共享书屋”、上线“青松课堂”小程序。", "Project:共享书屋", set()),
])
def test_a_facility_built_in_a_work_of_another_kind_is_part_of_it(text, facility, works):
    relations = extract(text).relations.values()
    assert {r.target for r in relations if r.type == "PART_OF" and r.source == facility} == works


@pytest.mark.parametrize("text, rel_type, expected", [
    # under a higher body's lead, the bodies that act are guided by it; the residents' own committees act of their own
    ("在青石街道党工委的带领下，松涛社区党委和青禾花园党支部反复商议，居委会、业委会积极配合。", "GUIDES",
     {("PartyOrganization:青石街道党工委", "PartyOrganization:松涛社区党委"),
      ("PartyOrganization:青石街道党工委", "PartyOrganization:青禾花园党支部")}),
    ("在和平居民区党总支的牵头下，居委会、业委会协同配合。", "GUIDES", set()),
    # a role in a project named after it (项目的施工单位为X) is X's relation to it
    ("青禾花园改造项目的施工单位为青松建设有限公司。", "IMPLEMENTS",
     {("PartnerUnit:青松建设有限公司", "Project:青禾花园改造项目")}),
    # a firm that wins the estate's tender, or is said to serve it, runs it
    ("和平居民区很好。承接小区物业服务的青松物业服务有限公司派驻了项目经理。", "MANAGES",
     {("PropertyFirm:青松物业服务有限公司", "Community:和平居民区")}),
    ("和平居民区召开业主大会，经过公开招标，青禾物业服务有限公司中标。", "MANAGES",
     {("PropertyFirm:青禾物业服务有限公司", "Community:和平居民区")}),
    # what a body sets up is the council, not the members it is made of
    ("青松小区业委会换届了。居民区党总支推动成立了由居委会、业委会、物业三方组成的“红色议事会”。", "LEADS",
     {("PartyOrganization:和平居民区党总支", "Committee:和平居民区红色议事会")}),
    # the work named right before 由 is what the body after it leads, not a project further on
    ("“一盏灯”公益项目由青禾社区党委牵头，组织在职党员认领，还带动了“楼道美化”行动。", "LEADS",
     {("PartyOrganization:青禾社区党委", "Project:一盏灯公益项目")}),
    # bodies listed right before an unquoted joint action each act in it
    ("在松涛社区党委的带领下，青禾小区业委会和青松物业两方联动、各尽其责。", "USES_MECHANISM",
     {("Committee:青禾小区业委会", "Mechanism:两方联动"), ("PropertyFirm:青松物业", "Mechanism:两方联动")}),
    # partners listed as the area's resident units are located in it
    ("和平居民区召开征询会，松涛市第十中学、青禾职工大学等驻区单位派代表参加。", "LOCATED_IN",
     {("PartnerUnit:松涛市第十中学", "Community:和平居民区"), ("PartnerUnit:青禾职工大学", "Community:和平居民区")}),
    # a sub-district inside a helping frame is its office
    ("青禾小区建于2005年。在松涛街道的指导下，小区党员发起成立了业主委员会。青禾小区焕然一新。", "GUIDES",
     {("GovernmentAgency:松涛街道办事处", "Committee:青禾小区业委会")}),
    # … and so is one heading its report
    ("青松街道：“邻里共商”机制唱主角。", "USES_MECHANISM", {("GovernmentAgency:青松街道办事处", "Mechanism:邻里共商机制")}),
    # a place labelling a headline locates nothing
    ("青山区：青禾花园项目让居民住得更舒心。", "LOCATED_IN", set()),
    # one who speaks after an opening clause speaks for the body named with their title
    ("会议最后，青禾社区党委书记张明在总结讲话中表示，成立青禾志愿服务队。", "LEADS",
     {("PartyOrganization:青禾社区党委", "VolunteerTeam:青禾志愿服务队")}),
    # a sentence cut at a semicolon goes on with the subject of the one before
    ("青禾小区推行“阳光账本”，账目定期公开；同时推出“十分钟响应”服务机制。", "USES_MECHANISM",
     {("Community:青禾小区", "Mechanism:阳光账本"), ("Community:青禾小区", "Mechanism:十分钟响应服务机制")}),
    # a body opening a later clause acts on what follows it; the subject of an earlier cue does not reach past it
    ("青禾物业党支部推行新模式，由和平居民区党总支牵头，成立了青禾小区业委会。", "LEADS",
     {("PartyOrganization:和平居民区党总支", "Committee:青禾小区业委会")}),
    # an interview's speaker, named with the body and role in brackets
    ("刘芳（桂园社区党委书记）：我们社区有高层住宅46栋。", "MEMBER_OF",
     {("Person:刘芳", "PartyOrganization:桂园社区党委")}),
    # every contributor listed before 为…提供 takes part
    ("和平居民区党总支推出“青禾积分”。青松超市、青禾图书馆为积分兑换提供物资和场地。", "PARTICIPATES_IN",
     {("PartnerUnit:青松超市", "Project:青禾积分"), ("PartnerUnit:青禾图书馆", "Project:青禾积分")}),
    # a frame naming no body (由企业出资) leaves its word to the cue rule
    ("经过协商，居民李明与公司商定由企业出资十万元帮助建设青禾书屋。", "FUNDED", {("Person:李明", "Project:青禾书屋")}),
    # a bureau's name ends a project's verbs on the left
    ("区城市管理局出资建设青禾书屋。", "FUNDED", {("GovernmentAgency:区城市管理局", "Project:青禾书屋")}),
    # a council set up after the frame is what its body led, before a project named later
    ("在和平居民区党总支的牵头下，辖区企业成立了“青松公益联盟”，在青禾书屋开展服务。", "LEADS",
     {("PartyOrganization:和平居民区党总支", "Committee:青松公益联盟")}),
])
def test_relations_read_from_one_sentence(text, rel_type, expected):
    found = {(r.source, r.target) for r in extract(text).relations.values() if r.type == rel_type}
    assert found == expected, found


def test_a_ways_own_words_after_the_bodies_it_joins_are_its_short_name():
    title = "青禾街道：“三社联动”破解养老难题"
    graph = extract(f"{title}\n青禾街道党工委探索“社区+社会组织+社会工作者”三社联动机制。", area="", subdistrict="青禾街道",
                    title=title)
    ways = sorted(e for e in graph.entities if e.startswith("Mechanism:"))
    assert ways == ["Mechanism:社区+社会组织+社会工作者三社联动机制"], ways


@pytest.mark.parametrize("way", ["工作法", "服务模式", ""])
def test_a_headline_calls_a_way_by_its_quoted_brand(way):
    title = "青山区：“青禾管家”激活小区治理"
    graph = extract(f"{title}\n松风社区党委推行“青禾管家”{way}，小区面貌一新。", area="松风社区", title=title)
    assert "Project:青禾管家" not in graph.entities, sorted(graph.entities)
    users = {r.source for r in graph.relations.values() if r.type == "USES_MECHANISM"}
    assert users == {"PartyOrganization:松风社区党委"}, users


def test_a_village_body_named_before_its_guide_is_guided_and_a_stationed_secretary_serves_the_village():
    text = "青禾村党支部在石门镇党委的指导下推行积分制。驻村第一书记陈建平介绍，石门镇农业农村局将青禾村列为示范村。"
    graph = extract(text, area="青禾村", subdistrict="石门镇", title="石门镇党委推广积分制")
    relations = {(r.type, r.source, r.target) for r in graph.relations.values()}
    assert ("GUIDES", "PartyOrganization:石门镇党委", "PartyOrganization:青禾村党支部") in relations, relations
    assert ("MEMBER_OF", "Person:陈建平", "PartyOrganization:青禾村党支部") in relations, relations
    assert not [e for e in graph.entities if "局将" in e], sorted(graph.entities)


def test_the_body_a_sentence_opens_with_acts_with_the_one_it_joins():
    graph = extract("青禾银行已连续5年开展公益活动，并与青松集团共同捐资100万元设立“春晖”子基金。")
    funders = {r.source for r in graph.relations.values() if r.type == "FUNDED" and r.target == "Project:春晖子基金"}
    assert funders == {"PartnerUnit:青禾银行", "PartnerUnit:青松集团"}, funders


def test_people_serving_under_one_quoted_name_are_a_team_wherever_the_case_names_them():
    title = "“楼道管家”上岗 老小区换新颜"
    graph = extract(f"{title}\n松风社区招募了20名“楼道管家”。“楼道管家”每天巡查楼道。", title=title)
    named = sorted(e for e in graph.entities if e.endswith(":楼道管家"))
    assert named == ["VolunteerTeam:楼道管家"], named


@pytest.mark.parametrize("text", ["居民李大爷说：“现在好了。”", "党员王阿姨带头清理楼道。", "党员任楼院管家，村民任楼栋长。",
                                  "王主任说，问题解决了。"])
def test_a_form_of_address_or_a_post_after_a_surname_is_no_persons_name(text):
    assert not [e for e in extract(text).entities if e.startswith("Person:")], sorted(extract(text).entities)


def test_an_offices_short_form_is_its_full_name():
    graph = extract("松涛区住房和城乡建设局到小区调研。随后，区住建局出资更换了化粪池。", district="松涛区")
    assert [e for e in graph.entities if e.startswith("GovernmentAgency:")] == ["GovernmentAgency:松涛区住房和城乡建设局"]


def test_a_bare_village_committee_is_the_case_villages():
    graph = extract("青石村党总支书记、村委会主任周海介绍，村里建起了加工车间。", area="青石村")
    assert ("MEMBER_OF", "Person:周海", "Committee:青石村村委会") in relation_triples(graph)


def test_a_platform_named_after_its_own_area_keeps_its_name_and_is_not_the_area_acting():
    graph = extract("社区党委牵头成立“松涛议事厅”。今年以来，议事厅收集诉求80条。社区孵化了“银发帮帮团”，"
                    "社区还联合青禾医院开展义诊。", area="松涛社区")
    triples = relation_triples(graph)
    assert "Committee:松涛议事厅" in graph.entities
    assert ("LEADS", "PartyOrganization:松涛社区党委", "VolunteerTeam:银发帮帮团") in triples
    assert not any(source == "Committee:松涛议事厅" for _, source, _ in triples)


def test_a_bare_town_government_is_the_case_towns():
    graph = extract("镇政府补助20万元修建了青禾文化广场。", area="木兰村", subdistrict="桂溪镇")
    assert ("FUNDED", "GovernmentAgency:桂溪镇人民政府", "Project:青禾文化广场") in relation_triples(graph)


def test_a_county_body_named_without_its_county_takes_the_cases():
    graph = extract("县民政局到青禾村调研。", district="云岭县")
    assert "GovernmentAgency:云岭县民政局" in graph.entities, sorted(graph.entities)


def test_a_short_name_a_body_is_given_names_it_again():
    graph = extract("社区党委指导居民成立了“居民自治改造委员会”（简称“自改委”）。随后，自改委牵头制定了分摊方案。")
    assert [e for e in graph.entities if e.startswith("Committee:")] == ["Committee:居民自治改造委员会"]
    assert len(graph.entities["Committee:居民自治改造委员会"].evidence) >= 2


def test_a_quoted_short_name_with_the_full_name_in_brackets_names_that_body():
    graph = extract("居民区党总支还成立了“弄管会”（弄堂管理委员会），由居民骨干组成。弄管会成立后，首先整治停车。")
    assert "Project:弄管会" not in graph.entities
    assert len(graph.entities["Committee:弄堂管理委员会"].evidence) == 3


def test_a_member_named_before_the_post_they_take_serves_the_body_named_last():
    graph = extract("居民区成立了青禾议事会，党员陈秀珍任主任。")
    assert ("MEMBER_OF", "Person:陈秀珍", "Committee:和平居民区青禾议事会") in relation_triples(graph)


def test_a_direction_and_a_landform_name_a_neighbourhood():
    graph = extract("面对这一难题，北岸社区党委主动担当。北岸社区位于城东。")
    assert {"Community:北岸社区", "PartyOrganization:北岸社区党委"} <= set(graph.entities), sorted(graph.entities)


def test_a_bodys_term_of_office_is_no_part_of_its_name():
    graph = extract("小区第三届业委会任期届满后，选举产生了新一届业委会。")
    assert [e for e in graph.entities if e.startswith("Committee:")] == ["Committee:和平居民区业委会"]


def test_bodies_named_before_a_way_are_its_parties_not_what_the_cue_acts_on():
    graph = extract("新一届业委会成立后，在社区党委的推动下，建立了居委会、业委会、物业服务企业“三方议事”制度。")
    triples = relation_triples(graph)
    assert ("USES_MECHANISM", "Committee:和平居委会", "Mechanism:三方议事制度") in triples
    assert not any(rel == "LEADS" for rel, _, _ in triples), triples


def test_a_town_jieba_cuts_keeps_its_name_before_its_government():
    graph = extract("青山镇人民政府组织农技人员来村里指导种植。白鹤镇人民政府也派了人。")
    assert {"GovernmentAgency:青山镇人民政府", "GovernmentAgency:白鹤镇人民政府"} <= set(graph.entities)
    assert "GovernmentAgency:人民政府" not in graph.entities


def test_a_team_posted_to_a_village_names_no_village():
    graph = extract("县农业农村委驻村工作队帮助村里争取到整治资金。")
    assert not any(e.endswith("驻村") for e in graph.entities), sorted(graph.entities)


def test_a_project_word_inside_a_bodys_name_is_no_project():
    graph = extract("在社区党委的指导下，9栋楼道议事会召开了3次会议。")
    assert not any(e.startswith("Project:") for e in graph.entities), sorted(graph.entities)


def test_an_estate_ending_in_huayuan_is_a_place():
    graph = extract("辖区有青松花苑、听涛苑2个住宅小区。石门街道桂花苑有居民800户。小区里有个小花苑。")
    places = {e for e in graph.entities if e.startswith("Community:")}
    assert {"Community:青松花苑", "Community:听涛苑", "Community:桂花苑"} <= places, places
    assert "Community:小花苑" not in places


def test_a_preposition_before_a_firm_word_opens_no_local_name():
    graph = extract("青山县住房和城乡建设局对物业服务质量开展季度考评。")
    assert not any(e.startswith("PropertyFirm:") for e in graph.entities), sorted(graph.entities)


def test_a_places_own_party_body_leads_the_case_before_a_partners_branch():
    text = ("活动由春晖社区党委主办，共建单位青禾银行桃源支行、春晖幼儿园的党员认领了心愿卡。"
            "青禾银行桃源支行党支部书记刘振华当场认领了一个心愿。")
    graph = extract(text, area="", subdistrict="")
    co_builds = {frozenset((r.source, r.target)) for r in graph.relations.values() if r.type == "CO_BUILDS"}
    assert frozenset(("PartnerUnit:春晖幼儿园", "PartyOrganization:春晖社区党委")) in co_builds, co_builds
    assert not any(e.endswith("主办") for e in graph.entities), sorted(graph.entities)


def test_a_firm_entering_the_estate_manages_the_cases_estate_not_its_area():
    text = "松林社区的松林小区建于1985年。松林小区共有住户560户。物管会选聘了青松物业服务有限公司。青松物业随后进驻小区。"
    graph = extract(text, area="松林社区")
    assert ("MANAGES", "PropertyFirm:青松物业服务有限公司", "Community:松林小区") in relation_triples(graph)
    assert ("MANAGES", "PropertyFirm:青松物业服务有限公司", "Community:松林社区") not in relation_triples(graph)


def test_a_street_party_committee_called_gongwei_is_the_streets_party_committee():
    graph = extract("在长乐街道工委的指导下，社区成立了物管会。街道工委还牵头成立了红色物业联盟。")
    assert "PartyOrganization:长乐街道工委" in graph.entities, sorted(graph.entities)
    assert "GovernmentAgency:长乐街道办事处" not in graph.entities, sorted(graph.entities)
    assert ("LEADS", "PartyOrganization:长乐街道工委", "Committee:红色物业联盟") in relation_triples(graph)


def test_a_post_taken_in_a_body_set_up_is_in_that_body_not_the_body_of_the_members_title():
    graph = extract("社区党委推动成立了松林小区物业管理委员会，由社区党委书记李秀梅担任主任。", area="松林社区")
    assert ("MEMBER_OF", "Person:李秀梅", "Committee:松林小区物业管理委员会") in relation_triples(graph)


def test_a_verb_glued_to_a_generic_word_before_a_place_word_names_no_place():
    graph = extract("物管会“管”出老旧小区新气象。")
    assert not any(e.startswith("Community:") for e in graph.entities), sorted(graph.entities)


def test_a_neighbourhood_signing_an_agreement_with_a_unit_named_by_its_role_co_builds_with_it():
    graph = extract("枫叶社区还与辖区单位青山市第三人民医院签订共享停车协议。业委会与青禾物业签订物业服务合同。",
                    area="枫叶社区")
    triples = relation_triples(graph)
    assert ("CO_BUILDS", "PartnerUnit:青山市第三人民医院", "Community:枫叶社区") in triples, triples
    assert not any(rel == "CO_BUILDS" and "青禾物业" in source + target for rel, source, target in triples)


def test_a_neighbourhood_named_right_before_a_quoted_work_is_that_works_place():
    graph = extract("其中，石门社区“四点半课堂”由青石中学教师志愿者授课。")
    assert ("LOCATED_IN", "Project:四点半课堂", "Community:石门社区") in relation_triples(graph)


def test_a_body_that_builds_a_work_with_an_office_it_brought_along_leads_it():
    graph = extract("沙岗村党委联合珠江区民政局，在村里建起了“新市民之家”。", area="沙岗村")
    triples = relation_triples(graph)
    assert ("LEADS", "PartyOrganization:沙岗村党委", "Project:新市民之家") in triples, triples
    assert ("PARTICIPATES_IN", "GovernmentAgency:珠江区民政局", "Project:新市民之家") in triples, triples


def test_money_given_before_the_case_names_any_work_funds_no_work_named_later():
    graph = extract("镇人民政府投入资金300万元，修建了茶园道路。村民积极参与人居环境整治。",
                    area="上坪村", subdistrict="龙泉镇")
    assert not any(rel == "FUNDED" for rel, _, _ in relation_triples(graph)), relation_triples(graph)
    graph = extract("村民积极参与人居环境整治。镇人民政府投入资金300万元支持整治。", area="上坪村", subdistrict="龙泉镇")
    assert ("FUNDED", "GovernmentAgency:龙泉镇人民政府", "Project:人居环境整治") in relation_triples(graph)


def test_a_bare_police_or_justice_station_is_the_cases_one_named_station():
    graph = extract("社区联合柳岸派出所、柳岸司法所成立调解室。复杂纠纷由司法所指派调解员介入。",
                    area="", subdistrict="")
    agencies = sorted(e for e in graph.entities if e.startswith("GovernmentAgency:"))
    assert agencies == ["GovernmentAgency:柳岸司法所", "GovernmentAgency:柳岸派出所"], agencies
    graph = extract("社区请派出所民警讲解防诈骗知识。", area="", subdistrict="")
    assert "GovernmentAgency:派出所" in graph.entities, sorted(graph.entities)


def test_an_estate_named_inside_its_committees_name_is_a_place_too():
    graph = extract("社区引导翠湖花园小区业委会利用公共收益增设停车位。", area="", subdistrict="")
    assert {"Committee:翠湖花园小区业委会", "Community:翠湖花园小区"} <= set(graph.entities), sorted(graph.entities)


def test_a_firm_entering_a_named_estate_manages_that_estate():
    graph = extract("社区邀请青禾物业服务有限公司进驻桂香小区，实行先服务后收费。", area="", subdistrict="")
    assert ("MANAGES", "PropertyFirm:青禾物业服务有限公司", "Community:桂香小区") in relation_triples(graph)


def test_a_neighbourhood_where_a_clause_happens_or_whose_residents_council_meets_is_a_place():
    graph = extract("在大安社区，社区党委书记周丽兼任街长。", area="", subdistrict="")
    assert "Community:大安社区" in graph.entities, sorted(graph.entities)
    graph = extract("在柳岸街道枫林社区居民恳谈会上，居民说出了烦恼。", area="", subdistrict="")
    assert "Community:枫林社区" in graph.entities, sorted(graph.entities)
    assert extract("在熟人社区，大家互相帮助。", area="", subdistrict="").entities == {}


def test_a_secretary_who_takes_a_post_is_no_person_named_ren():
    graph = extract("枫林社区居民恳谈会由社区党支部书记任召集人。", area="", subdistrict="")
    assert not any(e.startswith("Person:") for e in graph.entities), sorted(graph.entities)
    assert "Person:任志强" in extract("社区党委书记任志强介绍了情况。", area="", subdistrict="").entities


def test_a_town_named_with_shi_a_model_village_and_the_villages_looks_are_read_as_such():
    graph = extract("青阳市沙市镇秧田村被列为积分制管理试点村，村容村貌焕然一新。", area="", subdistrict="")
    places = sorted(e for e in graph.entities if e.startswith("Community:"))
    assert places == ["Community:沙市镇", "Community:秧田村", "Community:青阳市"], places


def test_the_area_acted_on_is_the_place_not_its_body_acting():
    graph = extract("秧田村党总支在村里开办“积分超市”。青阳市乡村振兴局将秧田村列为试点村，拨付试点经费15万元。",
                    area="秧田村", subdistrict="")
    funders = {source for rel, source, _ in relation_triples(graph) if rel == "FUNDED"}
    assert funders == {"GovernmentAgency:青阳市乡村振兴局"}, relation_triples(graph)


def test_a_streets_law_enforcement_centre_is_an_office_of_the_street():
    graph = extract("问题上报柳岸街道综合执法中心处置。", area="", subdistrict="")
    assert "GovernmentAgency:柳岸街道综合执法中心" in graph.entities, sorted(graph.entities)
    assert "GovernmentAgency:示范街道综合执法中心" in extract("问题由街道综合执法中心处置。").entities


def test_a_state_firms_kind_before_its_name_is_no_part_of_it_and_a_state_firm_alone_names_none():
    graph = extract("街道由区属国企青城城市服务有限公司承接无物业小区的物业服务。", area="", subdistrict="")
    assert "PartnerUnit:青城城市服务有限公司" in graph.entities, sorted(graph.entities)
    graph = extract("引入国企物业后，小区环境明显改善。", area="", subdistrict="")
    assert not any("国企" in e for e in graph.entities), sorted(graph.entities)


def test_a_streets_office_named_by_its_task_may_be_an_office_of_four_words():
    graph = extract("麦秀街道城市管理办公室协调供电部门增容。", area="", subdistrict="麦秀街道")
    assert "GovernmentAgency:麦秀街道城市管理办公室" in graph.entities, sorted(graph.entities)
    assert not any(e.endswith("城市管理办") for e in graph.entities), sorted(graph.entities)


def test_a_long_quoted_list_of_parallel_steps_practised_is_a_way():
    graph = extract("中心实行“一站式接收、一揽子调处、全链条解决”，矛盾就地化解。", area="", subdistrict="")
    assert "Mechanism:一站式接收、一揽子调处、全链条解决" in graph.entities, sorted(graph.entities)
    graph = extract("社区构建“组织共联、活动共办、资源共享、难题共解”的治理新格局。", area="", subdistrict="")
    assert not any(e.startswith("Mechanism:") for e in graph.entities), sorted(graph.entities)


def test_a_unit_named_by_its_kind_alone_is_the_cases_one_unit_of_that_kind():
    graph = extract("青山师范大学文学院党委与社区党委签订党建联建协议。文学院每周派学生到社区服务。",
                    area="", subdistrict="")
    units = sorted(e for e in graph.entities if e.startswith("PartnerUnit:"))
    assert units == ["PartnerUnit:青山师范大学", "PartnerUnit:青山师范大学文学院"], units


def test_a_firm_that_wins_the_tender_by_its_score_manages_the_cases_estate():
    graph = extract("松苑小区建于1998年。松苑小区业委会启动选聘。最终，青禾物业服务有限公司以综合评分第一中标。",
                    area="", subdistrict="")
    assert ("MANAGES", "PropertyFirm:青禾物业服务有限公司", "Community:松苑小区") in relation_triples(graph)


def test_a_villages_party_committee_belongs_to_no_company_named_after_the_village():
    graph = extract("鲁湾村党委与竹乡公司党支部共同成立鲁湾村强村公司。", area="", subdistrict="")
    assert not any(rel == "PART_OF" and source == "PartyOrganization:鲁湾村党委"
                   for rel, source, _ in relation_triples(graph)), relation_triples(graph)


def test_a_quoted_list_of_bodies_before_a_council_or_way_is_no_part_of_its_name_nor_a_way():
    graph = extract("各社区普遍建立“社区党组织、业委会、物业企业”三方联席会议制度，每月召开一次。", area="", subdistrict="")
    assert "Mechanism:三方联席会议制度" in graph.entities, sorted(graph.entities)
    assert not any("业委会" in e for e in graph.entities), sorted(graph.entities)


def test_a_staff_housing_compound_is_a_place_and_a_units_compound_unnamed_is_none():
    graph = extract("家住光华路社区化工厂家属院的刘阿姨说，院里干净多了。", area="", subdistrict="")
    assert "Community:化工厂家属院" in graph.entities, sorted(graph.entities)
    assert not any(e.startswith("Community:") for e in extract("单位家属院无人管理。", area="", subdistrict="").entities)


def test_a_neighbourhood_reporting_to_its_streets_centre_names_no_street_after_its_own_word():
    graph = extract("属于大事的，由社区上报街道综合治理中心，协调区城管执法局办理。", area="", subdistrict="柳林街道")
    assert not any(e.startswith("Community:") for e in graph.entities), sorted(graph.entities)
    assert "GovernmentAgency:柳林街道综合治理中心" in graph.entities, sorted(graph.entities)


def test_an_earlier_title_counts_when_the_last_title_is_of_an_unnamed_body():
    graph = extract("青松小区业委会主任、党支部书记黄志明说，改造很顺利。", area="", subdistrict="")
    assert ("MEMBER_OF", "Person:黄志明", "Committee:青松小区业委会") in relation_triples(graph)


def test_a_chamber_of_commerce_and_a_charity_development_centre_are_partner_units():
    graph = extract("青禾商会会长陈国强带头捐款，社区还引入青禾公益发展中心。", area="", subdistrict="")
    assert {"PartnerUnit:青禾商会", "PartnerUnit:青禾公益发展中心"} <= set(graph.entities), sorted(graph.entities)
    assert ("MEMBER_OF", "Person:陈国强", "PartnerUnit:青禾商会") in relation_triples(graph)


def test_a_party_and_public_service_centre_named_by_its_kind_alone_is_a_work():
    graph = extract("青禾社区党总支在松苑小区8栋建起了一个党群服务中心，方便居民办事。", area="青禾社区", subdistrict="")
    assert "Project:党群服务中心" in graph.entities, sorted(graph.entities)


def test_the_estates_firm_named_by_its_kind_then_by_its_name_after_a_dash_is_that_firm():
    graph = extract("松苑小区建于1990年。松苑小区的居民说，她立即联系小区物业——鹏程物业服务中心维修。",
                    area="", subdistrict="")
    assert ("MANAGES", "PropertyFirm:鹏程物业服务中心", "Community:松苑小区") in relation_triples(graph)
    graph = extract("松苑小区物业——鹏程物业服务中心负责维修。", area="", subdistrict="")
    firms = sorted(e for e in graph.entities if e.startswith("PropertyFirm:"))
    assert firms == ["PropertyFirm:鹏程物业服务中心"], firms


def test_a_district_named_right_after_its_city_is_a_place_though_it_ends_in_cheng_qu():
    graph = extract("泉州市鲤城区开元街道新华社区地处古城。", area="", subdistrict="")
    assert "Community:鲤城区" in graph.entities, sorted(graph.entities)
    assert "Community:主城区" not in extract("全市主城区道路改造。", area="", subdistrict="").entities


CHARITY = "社区联合辖区爱心企业青禾餐饮有限公司开设长者食堂，爱心商户松风超市也参与其中。"
POSTED = "市财政局驻东岭村工作队协助村两委盘活土地。"
DEPARTMENTS = "区委政法委、区纪委监委和区委社工部到社区调研。"


@pytest.mark.parametrize("sentence, name", [
    pytest.param("青林区住房和城乡建设局对改造项目进行了验收。", "GovernmentAgency:青林区住房和城乡建设局", id="住房和城乡建设局"),
    pytest.param("青峰区胜利街道西交通巷社区深化双报到工作。", "Community:西交通巷社区", id="direction-before-neighbourhood"),
    pytest.param("千秋街道菊园第二社区党委签订共建协议。", "Community:菊园第二社区", id="numbered-neighbourhood"),
    pytest.param("村里成立了青石村乡村振兴理事会，吸纳乡贤20名。", "Committee:青石村乡村振兴理事会", id="council-named-by-its-task"),
    pytest.param("上湾村党支部在积分制基础上增设红黑榜。", "PartyOrganization:上湾村党支部", id="village-named-from-position"),
    pytest.param("社区与青山义工联合会合作成立了“银龄守护”志愿服务队。", "PartnerUnit:青山义工联合会", id="volunteers-federation"),
    pytest.param(CHARITY, "PartnerUnit:青禾餐饮有限公司", id="charitable-firm"),
    pytest.param(CHARITY, "PartnerUnit:松风超市", id="charitable-shop"),
    pytest.param(POSTED, "Community:东岭村", id="village-a-team-is-posted-to"),
    pytest.param("小区选聘了黔安物业服务有限公司。", "PropertyFirm:黔安物业服务有限公司", id="firm-of-rare-characters"),
    pytest.param("县委宣传部来到东岭村调研。", "PartyOrganization:县委宣传部", id="county-party-committees-department"),
    pytest.param("松山区城市更新局安排专项资金20万元。", "GovernmentAgency:松山区城市更新局", id="renewal-bureau"),
    pytest.param("社区聘请南方建筑大学的师生参与设计。", "PartnerUnit:南方建筑大学", id="university-named-by-region"),
    pytest.param("松风小区建于1998年。松风小区共有住户500户。社区党委牵头成立小区物业管理委员会。", "Committee:松风小区物管会",
                 id="estates-property-committee-in-full"),
    pytest.param("青湖区西市场街道党工委推行“红色楼栋”。", "Community:西市场街道", id="direction-opens-a-streets-name"),
    pytest.param("驻村工作队帮助成立了青岭村果蔬种植专业合作社。", "PartnerUnit:青岭村果蔬种植专业合作社",
                 id="cooperative-named-by-its-trade"),
    pytest.param("社区与望湖农贸市场协商错时停车。", "PartnerUnit:望湖农贸市场", id="market"),
    pytest.param("改造完成后，松竹小区成立了松竹小区自管会。", "Committee:松竹小区自管会", id="estates-self-management"),
    pytest.param("街道引进启明社会工作服务中心，在社区设立社工站。", "PartnerUnit:启明社会工作服务中心",
                 id="social-work-centre-named-by-a-verb"),
    pytest.param("乡贤李春来捐资30万元，修建了村文化广场。", "Person:李春来", id="village-worthy"),
    pytest.param("社区党委组织党员成立“楼道清洁行动队”，挨家挨户做工作。", "VolunteerTeam:楼道清洁行动队", id="action-team"),
    pytest.param("县供电公司河口供电所为村里更换了老化线路。", "PartnerUnit:河口供电所", id="power-supply-station"),
    pytest.param("松江市上城区湖滨街道推行楼道长制。", "Community:上城区", id="district-cut-at-a-position-word"),
    pytest.param("来凤县翔凤镇白岩村成立了合作社。", "Community:来凤县", id="county-guessed-as-a-person"),
    pytest.param("巴音嘎查党支部带领牧民发展养殖。", "Community:巴音嘎查", id="gacha-village"),
    pytest.param("马家村还成立了红白理事会。", "Community:马家村", id="village-named-after-a-family"),
    pytest.param(DEPARTMENTS, "PartyOrganization:区纪委监委", id="discipline-commission"),
    pytest.param(DEPARTMENTS, "PartyOrganization:区委社工部", id="social-work-department"),
    pytest.param("区信访局和区城管局联合执法。", "GovernmentAgency:区信访局", id="two-bureaus-joined-by-he"),
    pytest.param("镇政府出资18万元，支持青溪村建设村民议事长廊。", "Project:村民议事长廊", id="a-place-builds-a-work"),
    pytest.param("省农业农村厅派驻青岭村的第一书记到任。", "GovernmentAgency:省农业农村厅", id="provincial-department"),
    pytest.param("问题第一时间推送给区城管执法局处置。", "GovernmentAgency:区城管执法局", id="preposition-glued-to-district"),
    pytest.param("“街上的事大家管。”管家刘桂兰说。", "Person:刘桂兰", id="lane-steward"),
    pytest.param("青松小区微型消防站的队员们定期上消防课。", "Project:青松小区微型消防站", id="mini-fire-station"),
    pytest.param("北湖街道丰收苑小区建于上世纪90年代。", "Community:丰收苑小区", id="estate-named-by-a-verb"),
    pytest.param("安居园社区有居民三千户。", "Community:安居园社区", id="neighbourhood-named-after-its-estate"),
    pytest.param("街道党工委成立了中心大厦楼宇联合党委。", "PartyOrganization:中心大厦楼宇联合党委", id="joint-party-committee"),
    pytest.param("食堂引入专业餐饮企业味之源餐饮管理有限公司运营。", "PartnerUnit:味之源餐饮管理有限公司",
                 id="kind-of-company-before-its-registered-name"),
    pytest.param("青松企业管理有限公司捐赠了物资。", "PartnerUnit:青松企业管理有限公司", id="enterprise-management-trade"),
    pytest.param("区城市运行管理中心统一派单。", "GovernmentAgency:区城市运行管理中心", id="city-operations-centre"),
    pytest.param("安平县河西乡李家庄村的红白理事会忙了起来。", "Community:李家庄村", id="village-after-its-township"),
    pytest.param("东风乡新民村的村民都来了。", "Community:东风乡", id="township"),
    pytest.param("近年来，云岩县清溪镇党委推动村企结对。", "Community:云岩县", id="county-jieba-guessed-a-name"),
    pytest.param("议事会采取“居民点题、社区立项、多方解题”的方式。", "Mechanism:居民点题、社区立项、多方解题",
                 id="a-way-taken-up"),
    pytest.param("区农业技术推广中心派技术员上门指导种植。", "GovernmentAgency:区农业技术推广中心",
                 id="farming-extension-centre"),
    pytest.param("家住南明区花果园街道的刘阿姨说。", "Community:花果园街道", id="street-opening-on-a-character-cut-off"),
    pytest.param("“大家的事大家商量。”居民热依汗·吐尔逊说。", "Person:热依汗·吐尔逊", id="transliterated-name-of-a-speaker"),
    pytest.param("——平江县三阳乡柳溪村党支部", "PartyOrganization:柳溪村党支部", id="township-glued-to-its-village"),
    pytest.param("翠华社区有一间“共享厨房”，每天都飘出饭菜香。", "Project:共享厨房", id="shared-kitchen"),
    pytest.param("红色物业“三联三评”提升小区治理效能", "Mechanism:三联三评", id="numbered-pair-of-ways"),
    pytest.param("居委会主任李强说，小区变美了。", "Person:李强", id="holder-of-a-name-jieba-knows"),
    pytest.param("居民李强说，小区变美了。", "Person:李强", id="speaker-of-a-name-jieba-knows"),
    pytest.param("青禾社工站入驻社区。", "PartnerUnit:青禾社工站", id="social-work-station"),
    pytest.param("邻里守望队每天巡逻。", "VolunteerTeam:邻里守望队", id="watch-team"),
    pytest.param("退休教师周文斌自愿担任楼栋长。", "Person:周文斌", id="teacher-before-a-name"),
    pytest.param("业委会选聘了长城物业集团股份有限公司。", "PropertyFirm:长城物业集团股份有限公司", id="property-group"),
    pytest.param("社区推行“收集议题—召开会议—公示结果—跟踪落实”四步流程。", "Mechanism:收集议题—召开会议—公示结果—跟踪落实",
                 id="quoted-steps-of-a-procedure"),
])
def test_names_in_the_forms_of_other_cities(sentence, name):
    """Names as other cities' and villages' reports write them: whole, with the words that open them."""
    graph = extract(sentence, area="", subdistrict="")
    assert name in graph.entities, sorted(graph.entities)


@pytest.mark.parametrize("sentence, absent", [
    pytest.param("中心设置助餐、康复等功能区，还有阅读区和健身区。", "Community:", id="rooms-and-zones"),
    pytest.param("业委会在梧桐街道物业管理办公室的指导下启动选聘。", "PropertyFirm:", id="streets-property-office"),
    pytest.param(CHARITY, "爱心", id="charity-opens-no-name"),
    pytest.param(POSTED, "驻", id="posted-to-opens-no-name"),
    pytest.param("业主大会投票换物业　小区治理迈出关键一步", "投票", id="changing-the-firm-names-none"),
    pytest.param("推动更多暖心驿站向社区延伸。", "更多", id="more-of-a-kind-opens-no-name"),
    pytest.param("街道在商业区和居住区各建起一座爱心驿站。", "Community:", id="business-and-living-quarters"),
    pytest.param("三方梳理出小区内可利用的边角空地。", "Community:", id="verb-result-before-estate"),
    pytest.param("居民们投票选出好物业。", "PropertyFirm:", id="a-good-firm-names-none"),
    pytest.param("松竹小区是首批试点小区之一。", "试点", id="first-batch-of-pilots"),
    pytest.param("辖区内无物业管理小区多、设施老化。", "Community:", id="estates-without-a-firm"),
    pytest.param("松江路街道翠苑社区的翠苑小区建于1998年。", "Community:松江路街道翠苑", id="estate-word-before-a-neighbourhood"),
    pytest.param("青岩镇位于黔南山区，辖9个行政村。", "山区", id="mountains-of-a-region"),
    pytest.param("楼宇联合党委联合大厦物业管理方——华信物业管理有限公司建起服务站。", "大厦物业",
                 id="buildings-manager-after-a-party-body"),
    pytest.param("乡村振兴离不开返乡的乡贤。", "Community:", id="words-of-the-countryside"),
    pytest.param("时间银行：社区设立“道德银行”，居民做好事可积分。", "PartnerUnit:", id="banks-of-good-deeds"),
    pytest.param("青年党员课堂·书香驿站的活动，居民都说好。", "Person:", id="things-joined-by-a-dot-are-no-person"),
    pytest.param("议事厅解决了老旧院落路灯不亮、道闸损坏等问题。", "Project:", id="faults-of-facilities"),
    pytest.param("白鹭街道有无物业小区23个。", "PropertyFirm:", id="estates-with-no-firm"),
    pytest.param("街道与本地国企城东城市运营集团合作。", "Community:", id="cities-in-a-companys-name"),
    pytest.param("据悉，梅林街道计划在辖区12个社区推广这一做法。", "计划", id="a-street-plans-to"),
    pytest.param("村里成立了龙门乡风文明理事会。", "Community:", id="rural-customs"),
    pytest.param("这间厨房配备了灶台、冰箱、消毒柜等设施。", "Project:", id="equipment-a-place-has"),
])
def test_everyday_words_of_other_cities_reports_name_nothing(sentence, absent):
    """What names no thing in other cities' reports: no entity's id holds it (a type, or words before a name)."""
    graph = extract(sentence, area="", subdistrict="")
    assert not any(absent in e for e in graph.entities), sorted(graph.entities)


def test_what_a_speaker_says_others_did_is_no_act_of_the_speaker():
    graph = extract("青松社区开展“共享花园”项目。社区党委书记李青说：“居民自己设计、自己建设，花园才有生命力。”",
                    area="", subdistrict="")
    assert not any(r.type == "DESIGNED" for r in graph.relations.values()), relation_triples(graph)


@pytest.mark.parametrize("kind", ["的物业服务企业", "物业企业"])
def test_the_estates_firm_named_by_its_kind_then_after_a_dash_manages_it(kind):
    graph = extract(f"锦苑小区建于1995年。锦苑小区{kind}——宏远物业管理有限公司被评为四星。", area="", subdistrict="")
    assert ("MANAGES", "PropertyFirm:宏远物业管理有限公司", "Community:锦苑小区") in relation_triples(graph)


def test_bodies_a_place_brings_along_take_part_though_the_place_leads_nothing():
    graph = extract("青松社区联合青石派出所开展“反诈宣传进小区”活动。", area="", subdistrict="")
    assert ("PARTICIPATES_IN", "GovernmentAgency:青石派出所", "Project:反诈宣传进小区") in relation_triples(graph)


def test_a_town_officer_speaking_of_a_village_is_no_member_of_the_villages_branch():
    graph = extract("桥头村党支部开展“党员认领微心愿”活动。镇党委副书记钱志强说，全镇将推广桥头村的做法。",
                    area="", subdistrict="")
    assert not any(r.type == "MEMBER_OF" and r.source == "Person:钱志强" for r in graph.relations.values()), \
        relation_triples(graph)
