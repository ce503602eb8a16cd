package zh

// supplySources are the Chinese of the fibre market's sources
// (core.MarketYears, core.Corning), keyed by year and place.
var supplySources = map[string]string{
	"supplyrow.2025.source.0": "AI 算力：高盛研究（2025）称数据中心约 55 GW，其中 AI 占 14%，到 2027 年为 92 GW、AI 占 27%：每年约新增 8.5 GW 的 AI；施耐德电气（2023）称 AI 为 4.3 GW，到 2028 年增至 20 GW，每年约 3 GW；麦肯锡（2025）称 2025-2030 年要新增 125 GW 数据中心，其中约 70% 可承载 AI，每年约 15 GW。综合各来源的工程估计",
	"supplyrow.2025.source.1": "预制棒：全球产能约 25,000 吨（中金公司，据 2026 年中文财经媒体报道）",
	"supplyrow.2025.source.2": "AI 以外的需求：全球一年约 5.5 亿芯公里需求（4.5 亿至 7 亿：参数表中的 world_fiber_core_km_per_year）的 95%；CRU 称 2025 年数据中心约占全球光纤需求的 5%（亨通引述 CRU，2025 年 3 月 17 日）",
	"supplyrow.2026.source.0": "AI 算力：同上各来源，顺延一年；Epoch AI（2025 年 11 月）预计 2026 年将有五个站点超过 1 GW。工程估计",
	"supplyrow.2026.source.1": "预制棒：2027 年前新增产能很少，一座预制棒工厂需要 18-24 个月（Tom's Hardware，2026 年 5 月 16 日；1.5-2 年，cszlmy.com，2026 年 1 月）",
	"supplyrow.2026.source.2": "AI 以外的需求：持平；中国移动集采从 1.432 亿纤芯公里（2021）降到 9,880 万（2025/26，CRU，2025 年 6 月），而美国 2025 年光纤覆盖住户创纪录地达到 1,180 万（光纤宽带协会与 RVA，2025 年 12 月）。工程估计",
	"supplyrow.2026.source.3": "文章给出的缺口：2026 年 5-10%（新浪财经，2026 年 5 月 8 日，机构估计，经文章转引）",
	"supplyrow.2027.source.0": "AI 算力：高盛研究（2025）：到 2027 年 AI 占 92 GW 的 27%；综合上述各来源的工程估计",
	"supplyrow.2027.source.1": "预制棒：到 2027 年约 26,000 吨（中金公司）；藤仓（2026 年 3 月）与康宁（与英伟达合作，2026 年 5 月）宣布的扩产更晚才到位",
	"supplyrow.2027.source.2": "AI 以外的需求：中金公司称 2027 年全球需求为 8.8 亿芯公里，其中 AI 约占 35%，余下约 5.72 亿",
	"supplyrow.2027.source.3": "文章给出的缺口：2027 年 15%（新浪财经，2026 年 5 月 8 日，经文章转引）",
	"corning.source.0":        "份额：2019 年全球最大的预制棒产能，15.5%（长飞 15.2%），ResearchInChina；未找到更新的数据",
	"corning.source.1":        "扩产：英伟达与康宁，2026 年 5 月 6 日：美国光连接产能提高到 10 倍、美国光纤产能提高 50% 以上，新建三座工厂；Meta 至多 60 亿美元的协议，期限至 2030 年（2026 年 1 月 27 日）",
}
