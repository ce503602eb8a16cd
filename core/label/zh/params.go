package zh

// params holds the Chinese names, notes and sources of the catalogue's
// parameters ("param.<id>", "param.<id>.note", "param.<id>.source"), the
// names of its groups ("group.<Group>"), and the names of the validation
// cases and published checks ("validation.<English>").
var params = map[string]string{
	// Groups.
	"group.Signalling":              "信号传输",
	"group.Copper cable":            "铜缆",
	"group.Host channel":            "主机信道",
	"group.Linear pluggable optics": "线性驱动可插拔光模块（LPO）",
	"group.SerDes":                  "SerDes",
	"group.Pluggable optics":        "可插拔光模块",
	"group.Lasers":                  "激光器",
	"param.sr_tx_dbm":               "多模 SR 通道的最低平均发射功率",
	"param.sr_tx_dbm.source":        "IEEE 802.3db 每通道 100 Gb/s 的 SR 发射机，平均发射功率约 −6.5 dBm（本项目的读取）",
	"param.fr_tx_dbm":               "FR（2 km）通道每个波长的最低平均发射功率",
	"param.fr_tx_dbm.source":        "IEEE 802.3cu 400GBASE-FR4：每通道 −3.2 dBm（本项目的读取）",
	"param.lr_tx_dbm":               "LR（10 km）通道每个波长的最低平均发射功率",
	"param.lr_tx_dbm.source":        "IEEE 802.3cu 400GBASE-LR4-6：每通道 −1.4 dBm（本项目的读取）",
	"param.laser_margin_db":         "为老化和离散留出的设计发射功率，高于标准最低值的部分",
	"param.laser_margin_db.source":  "工程估计：模块的发射功率介于标准的最小值和最大值之间（400GBASE-DR4：−2.9 至 +4 dBm）",
	"param.launch_step_db":          "通道速率每翻一番所需增加的发射功率",
	"param.launch_step_db.source":   "工程估计：IEEE 802.3dj 每通道 200 Gb/s 的光模块要求比 100 Gb/s 通道更高的光调制幅度（符号率翻倍，接收机每比特灵敏度不变）",
	"param.wdm_mux_db":              "把四个波长合到一根光纤上的复用器损耗（FR、LR）",
	"param.wdm_mux_db.source":       "工程估计：CWDM 薄膜或阵列波导复用器损耗 1.5-4 dB",
	"param.eml_loss_db":             "EML 从激光段到光纤的损耗：电吸收调制器的插入损耗和消光损耗，以及耦合损耗",
	"param.eml_loss_db.source":      "工程估计：插入损耗 2-3 dB，5 dB 消光比下再损失 2-3 dB，耦合 1-2 dB",
	"param.eml_wpe":                 "EML 激光段在工作温度下的电光转换效率（输出光功率除以输入电功率）",
	"param.eml_wpe.source":          "工程估计：DFB 段以 60-80 mA、约 1.5 V 偏置，输出几毫瓦",
	"param.eml_cooler_w":            "让一颗 EML 在高温模块内保持其波长的热电制冷器",
	"param.eml_cooler_w.source":     "工程估计：TEC 需从 70 °C 的外壳中泵出几百毫瓦的热量",
	"param.vcsel_loss_db":           "VCSEL 耦合进多模光纤的损耗",
	"param.vcsel_loss_db.source":    "工程估计",
	"param.vcsel_wpe":               "直接调制的 850 nm VCSEL（无制冷）的电光转换效率",
	"param.vcsel_wpe.source":        "工程估计：数据通信 VCSEL 在室温下可达 30-50%，高温和调制时更低",
	"param.cw_loss_db":              "外置连续波激光器到光引擎光纤之间除分光器外的损耗：连接器和保偏光纤、两个耦合器、调制器和波导",
	"param.cw_loss_db.source":       "工程估计：连接器和光纤约 2 dB，耦合器 2 × 2 dB，调制器插入损耗和调制损耗 6 dB，波导 2 dB",
	"param.cw_wpe":                  "外置激光源中大功率连续波 DFB 激光器的电光转换效率",
	"param.cw_wpe.source":           "工程估计：25 °C 时为 20-30%，在光源的工作温度下并计入驱动后更低",
	"param.cw_cooler_w":             "外置激光源中每颗激光器的制冷功耗（激光器放在面板处，远离交换芯片封装）",
	"param.cw_cooler_w.source":      "工程估计",
	"param.els_lasers":              "一个外置激光源模块中的激光器数量",
	"param.els_lasers.source":       "NVIDIA Quantum-X Photonics Q3450-LD：144 个 800G 端口（576 个通道，每颗激光器供 4 个通道，共 144 颗激光器）配 18 个可拆卸激光模块",
	"param.els_fixed_w":             "一个外置激光源模块除激光器外的固定功耗（控制器、监控、电源转换）",
	"param.els_fixed_w.source":      "工程估计，与可插拔光模块的固定部分（module_fixed_w）相当",
	"param.els_fit":                 "外置激光源模块除激光器外的故障率",
	"param.els_fit.source":          "工程估计：可插拔光模块电子部分（module_other_fit）的一半",
	"group.Co-packaged optics":      "共封装光学（CPO）",
	"group.Optical budget":          "光链路预算",
	"group.Latency":                 "时延",
	"group.Reliability":             "可靠性",
	"group.Cost":                    "成本",
	"group.Cluster":                 "集群",
	"group.Economics":               "经济数据",
	"group.Supply":                  "供应",

	// Signalling.
	"param.budget_25g_db":        "裸片到裸片损耗预算，25 Gb/s NRZ 通道（凸点到凸点，12.89 GHz 处）",
	"param.budget_25g_db.note":   "凸点到凸点，包含两端封装；IEEE 802.3bj 的 35 dB（Intel AN 846）为焊球到焊球，因此此处取更严格的解读",
	"param.budget_25g_db.source": "AMD XAPP1392，PCB 信道设计指南：“the die bump-to-die bump channel insertion loss budget is around 35 dB for long reach from 25 Gbps to 100 Gbps”（长距离应用中，25 Gbps 至 100 Gbps 的裸片凸点到裸片凸点信道插入损耗预算约为 35 dB）",

	"param.budget_50g_db":        "裸片到裸片损耗预算，50 Gb/s PAM4 通道（凸点到凸点，13.28 GHz 处）",
	"param.budget_50g_db.source": "AMD XAPP1392，PCB 信道设计指南：“the die bump-to-die bump channel insertion loss budget is around 35 dB for long reach from 25 Gbps to 100 Gbps”（长距离应用中，25 Gbps 至 100 Gbps 的裸片凸点到裸片凸点信道插入损耗预算约为 35 dB）",

	"param.budget_100g_db":        "裸片到裸片损耗预算，100 Gb/s PAM4 通道（凸点到凸点，26.56 GHz 处）",
	"param.budget_100g_db.note":   "IEEE 802.3ck 的 约 28 dB 为焊球到焊球，不含模型路径所包括的两端封装",
	"param.budget_100g_db.source": "AMD XAPP1392，PCB 信道设计指南：“the die bump-to-die bump channel insertion loss budget is around 35 dB for long reach from 25 Gbps to 100 Gbps”（长距离应用中，25 Gbps 至 100 Gbps 的裸片凸点到裸片凸点信道插入损耗预算约为 35 dB）",

	"param.budget_200g_db":        "裸片到裸片损耗预算，200 Gb/s PAM4 通道（凸点到凸点，53.125 GHz 处）",
	"param.budget_200g_db.source": "IEEE 802.3dj 关键动议（key motions，2024）；DesignCon 2024：“trending 40 dB die-to-die IL limit, which includes the dies, packages and the channel, for 802.3dj CR and KR”（802.3dj CR 与 KR 的裸片到裸片插入损耗上限趋于 40 dB，含裸片、封装和信道）",

	"param.budget_400g_db":        "裸片到裸片损耗预算，400 Gb/s 通道（研究阶段）",
	"param.budget_400g_db.source": "工程估计：每通道 400 Gb/s 尚处于研究阶段（2027 年以后）；目前没有标准规定的预算",

	"param.c2m_25g_db":        "芯片到模块损耗预算，25 Gb/s 通道（主机裸片到模块芯片，12.89 GHz 处）",
	"param.c2m_25g_db.source": "基于 OIF CEI-28G-VSR 的工程估计：主机板、连接器与模块板共 10 dB；主机封装按工程估计取 2 dB",

	"param.c2m_50g_db":        "芯片到模块损耗预算，50 Gb/s 通道（主机裸片到模块芯片，13.28 GHz 处）",
	"param.c2m_50g_db.source": "工程估计：未找到 OIF CEI-56G-VSR 的数值；取 25G 与 100G 预算之间的值",

	"param.c2m_100g_db":        "芯片到模块损耗预算，100 Gb/s 通道（主机裸片到模块芯片，26.56 GHz 处）",
	"param.c2m_100g_db.source": "基于 OIF CEI-112G-VSR 的工程估计：主机板、连接器与模块板共 约 16 dB（MathWorks compliance kit）；主机封装按工程估计取 3 dB",

	"param.c2m_200g_db":        "芯片到模块损耗预算，200 Gb/s 通道（主机裸片到模块芯片，53.125 GHz 处）",
	"param.c2m_200g_db.source": "工程估计：未找到 CEI-224G-VSR / 802.3dj 200GAUI-1 的数值；1.6T 可插拔光模块可在 NVIDIA 给出的 约 22 dB 路径上工作（NVIDIA，Hot Chips 2025 共封装光学报告），因此预算至少为该值",

	"param.c2m_400g_db":        "芯片到模块损耗预算，400 Gb/s 通道（研究阶段）",
	"param.c2m_400g_db.source": "工程估计：尚无标准；主机均衡器比 200 Gb/s 时更强，预算约多 3 dB",

	"param.baud_400g_gbd":        "400 Gb/s 通道的符号率（假定 PAM4）",
	"param.baud_400g_gbd.source": "工程估计：PAM4，符号率为每通道 200G 的两倍；也有研究采用 170 GBd 左右的 PAM6",

	// Copper twinax.
	"param.cu_conductivity":        "铜的电导率",
	"param.cu_conductivity.source": "退火铜，100% IACS（教科书；Pozar, Microwave Engineering）",

	"param.twinax_loss_factor":        "双轴线（twinax）导体损耗相对光滑导线的倍数（表面粗糙度、邻近效应、镀层）",
	"param.twinax_loss_factor.note":   "公开资料中未找到各线规（AWG）的 dB/m 数值；IEEE 的传输距离目标只作为下限核对（V4），未用于拟合",
	"param.twinax_loss_factor.source": "工程估计：表面粗糙度、线对两根导线之间的邻近效应以及镀层，使双轴线线对的导体损耗比光滑的孤立导线高 1.1-1.5×；取 1.2 时，26 AWG 在 26.56 GHz 处为 4.4 dB/m，在 53.125 GHz 处为 6.8 dB/m",

	"param.twinax_er":        "双轴线介质（发泡聚烯烃 / FEP）的相对介电常数",
	"param.twinax_er.source": "工程估计；对应传播速度 0.79 c（4.2 ns/m），处于通常引用的 0.7-0.8 c 范围内",

	"param.twinax_loss_tangent":        "双轴线介质的损耗角正切（Df）",
	"param.twinax_loss_tangent.source": "工程估计，针对发泡聚烯烃 / FEP 在数十 GHz 下的取值",

	"param.twinax_impedance":        "双轴线线对的差分阻抗",
	"param.twinax_impedance.source": "IEEE 802.3 CR 电缆组件（100 Ω 差分）",

	// Host and package channel.
	"param.pcb_trace_width":        "主机板走线宽度",
	"param.pcb_trace_width.source": "工程估计（8 mil，常见的高速带状线线宽）",

	"param.pcb_line_impedance":        "板上差分对中每根线的阻抗",
	"param.pcb_line_impedance.source": "工程估计（两根 50 Ω 线构成 100 Ω 差分对）",

	"param.pcb_dk":        "主机板层压板介电常数（Dk）",
	"param.pcb_dk.source": "rfessentials 知识库，层压板 Df 表（Megtron 6/7 级）",

	"param.pcb_df_midloss":        "25G 与 50G/通道主机板的层压板损耗角正切（Df，中损耗）",
	"param.pcb_df_midloss.source": "工程估计：25G 与 50G 代际的中损耗层压板（Isola FR408HR 约 0.0095，Panasonic Megtron 4 约 0.005），对比 FR-4 的 0.020-0.025（rfessentials 知识库，层压板 Df 表）",

	"param.pcb_df_ull":        "100G/通道及更高速率主机板的层压板损耗角正切（Df，超低损耗）",
	"param.pcb_df_ull.source": "rfessentials 知识库，层压板 Df 表：Megtron 7 0.002-0.003",

	"param.pkg_trace_width":        "封装基板走线宽度",
	"param.pkg_trace_width.source": "工程估计（积层基板）",

	"param.pkg_dk":        "封装积层膜介电常数（Dk）",
	"param.pkg_dk.source": "工程估计（ABF 类积层膜）",

	"param.pkg_df":        "封装积层膜损耗角正切（Df）",
	"param.pkg_df.source": "工程估计（ABF 类积层膜）",

	"param.pkg_escape_mm":        "封装内从 ASIC 裸片到其焊球阵列的走线",
	"param.pkg_escape_mm.source": "工程估计（大型交换芯片封装尺寸的一半）",

	"param.transition_db":        "单个垂直过渡（裸片凸点、焊球、过孔）在 53.125 GHz 处的损耗，随频率缩放",
	"param.transition_db.source": "工程估计",

	"param.connector_db":        "一对插合的前面板连接器（OSFP、QSFP-DD）在 53.125 GHz 处的损耗，随频率缩放",
	"param.connector_db.source": "工程估计",

	"param.module_trace_mm":        "可插拔光模块内从金手指边缘到 DSP 或驱动器的走线",
	"param.module_trace_mm.source": "工程估计",

	"param.cr_host_trace_mm":        "从 ASIC 封装到铜缆笼子的主机走线",
	"param.cr_host_trace_mm.source": "工程估计：铜缆端口占用离 ASIC 最近的笼子（或采用 flyover 飞线电缆），约为参考可插拔光模块主机走线的一半",

	"param.c2m_host_trace_mm":        "从 ASIC 封装到可插拔模块笼子的主机走线",
	"param.c2m_host_trace_mm.note":   "拟合使每通道 200 Gb/s 下从 ASIC 到可插拔模块的路径损耗等于 NVIDIA 给出的 约 22 dB（NVIDIA，Hot Chips 2025 共封装光学报告）；处于原文“tens of centimetres”（数十厘米）所对应的 150-300 mm 范围内",
	"param.c2m_host_trace_mm.source": "校准",

	"param.cpo_trace_mm":        "封装内从 ASIC 裸片到共封装光引擎的走线",
	"param.cpo_trace_mm.source": "工程估计（原文称“a few millimetres”，即几毫米）；加上两个垂直过渡，得到 NVIDIA 在每通道 200 Gb/s 下 约 4 dB 的 CPO 路径损耗",

	"param.npo_trace_mm":        "从 ASIC 封装到近封装光引擎的板上或中介层走线",
	"param.npo_trace_mm.source": "工程估计（“a few centimetres”，即几厘米：光引擎位于封装旁的板上，见 OIF CEI-448G 框架中的近封装光学）",

	"param.cable_plug_mm":        "电缆插头内桨板（paddle card）从边缘到导线的走线",
	"param.cable_plug_mm.source": "工程估计（OSFP 或 QSFP-DD 插头的桨板）；与导线端接一起构成裸片到裸片预算必须承担的插头损耗",

	"param.acc_eq_gain_db":        "线性再驱动器为线性有源铜缆（ACC）增加的均衡量",
	"param.acc_eq_gain_db.note":   "用于核对而非拟合：线性有源铜缆在每通道 100 Gb/s 下已有 5 m 产品出货（NVIDIA LinkX cables and transceivers guide (2025)），因此其传输距离至少应达到该值",
	"param.acc_eq_gain_db.source": "工程估计：线性再驱动器的 CTLE，在奈奎斯特频率处提供 6-10 dB",

	"param.lpo_eq_gain_db":        "LPO 模块线性驱动器与 TIA 的均衡量",
	"param.lpo_eq_gain_db.source": "工程估计（线性驱动器与 TIA 中的 CTLE）",

	"param.lpo_optical_penalty_db":        "线性链路中光学段折算到电域的等效代价",
	"param.lpo_optical_penalty_db.source": "工程估计（未经重定时的光学段引入的噪声与非线性）",

	// SerDes energy.
	"param.serdes_lr_pj":        "主机 SerDes 能耗，长距离（LR）类（驱动铜缆与 LPO）",
	"param.serdes_lr_pj.source": "ISSCC 2026（5 nm 工艺 112G PAM4，每通道 280 mW，约 2.5 pJ/bit）与 Ayar Labs（112G 长距离 I/O 为 6-10 pJ/bit）；取中值",

	"param.serdes_c2m_pj":        "主机 SerDes 能耗，芯片到模块（C2M）类（驱动 DSP 可插拔光模块或 AEC）",
	"param.serdes_c2m_pj.source": "工程估计（长距离数值的一半：信道更短，均衡更轻）",

	"param.serdes_xsr_pj":        "主机 SerDes 能耗，超短距（XSR）类（裸片到共封装光引擎）",
	"param.serdes_xsr_pj.source": "工程估计（几毫米的裸片到光引擎链路 约 1 pJ/bit）",

	"param.cmos_scale":        "通道速率每翻一番，电子器件每比特能耗所乘的系数",
	"param.cmos_scale.source": "工程估计（每一代通道速率都在更新的 CMOS 工艺节点上实现）",

	// Link devices.
	"param.dac_watts":        "无源铜缆 DAC 一端的功耗（其 EEPROM）",
	"param.dac_watts.source": "NVIDIA LinkX cables and transceivers guide (2025)",

	"param.acc_pj":        "线性有源铜缆一端的线性再驱动器，每通道 100 Gb/s",
	"param.acc_pj.source": "Ciena，OFC 2026 幻灯片：1.6T 有源铜缆 4 m 功耗 2.5 W（每通道 200G 时为 1.56 pJ/bit，经 cmos_scale 折算为每通道 100G 时的 1.8）",

	"param.aec_pj":        "有源铜缆 AEC 一端的重定时器（Retimer），每通道 100 Gb/s",
	"param.aec_pj.source": "工程估计：每个 800G 端 10-14 W，每端一个重定时器，相当于不含光器件的 DSP 模块",

	"param.dsp_pj":        "可插拔光模块的 DSP，每通道 100 Gb/s",
	"param.dsp_pj.source": "Nagarajan et al., IEEE JLT 2021；NVIDIA 800G OSFP 数据手册（15-17 W）：DSP 约占 16 W 800G 模块功耗的一半",

	"param.lro_dsp_pj":        "线性接收（LRO）模块的发送侧 DSP，每通道 100 Gb/s",
	"param.lro_dsp_pj.source": "工程估计：取 dsp_pj 的一半，DSP 只对一个方向做重定时；加上 driver_tia_pj、激光器和 module_overhead_pj，800G 模块为 12 W，介于 LPO 与 DSP 模块之间",

	"param.driver_tia_pj":        "可插拔光模块的调制器驱动器与 TIA，每通道 100 Gb/s",
	"param.driver_tia_pj.source": "工程估计（加上 dsp_pj、激光器和 module_overhead_pj，800G 模块约为 16 W，处于 NVIDIA 的 15-17 W 范围内）",

	"param.module_overhead_pj":        "可插拔光模块随通道数计的控制与电源转换，每通道 100 Gb/s",
	"param.module_overhead_pj.source": "工程估计：模块控制器与 DC-DC 转换中随通道数增长的部分",

	"param.module_fixed_w":        "可插拔光模块一端的固定功耗（微控制器、DC-DC、监控），与通道数无关",
	"param.module_fixed_w.source": "本项目对 NVIDIA LinkX 400G 数据手册的解读：SR4 在 4 通道时 约 8 W、2 通道时 约 5 W（固定部分 2 W），DR4 固定部分 约 1 W；取中值",

	"param.lpo_driver_tia_pj":        "LPO 模块的线性驱动器与 TIA（含 CTLE），每通道 100 Gb/s",
	"param.lpo_driver_tia_pj.source": "工程估计（加上激光器和 module_overhead_pj，800G 模块约为 8 W，处于 FS 与 Gazettabyte 报道的 7-9 W 范围内）",

	"param.cpo_eic_pj":        "共封装光引擎的电芯片 EIC（驱动器、TIA、控制），每通道 100 Gb/s",
	"param.cpo_eic_pj.source": "工程估计",

	"param.cpo_modulator_pj":        "共封装光引擎的调制器调谐（微环加热器），每通道 100 Gb/s",
	"param.cpo_modulator_pj.source": "工程估计",

	// Optics.
	"param.dr_tx_dbm":        "DR 单模通道的最小发射光功率",
	"param.dr_tx_dbm.source": "400G DR4 规范（800G MSA，经厂商数据手册）",

	"param.dr_rx_dbm":        "DR 单模通道的接收灵敏度",
	"param.dr_rx_dbm.source": "400G DR4 规范（800G MSA，经厂商数据手册）",

	"param.dr_connection_db":        "DR 单模信道的连接损耗分配",
	"param.dr_connection_db.source": "TIA Fiber Optics Tech Consortium，IEEE 802.3 信道表：800GBASE-DR8（500 m）",

	"param.smf_db_per_km":        "1310 nm 处成缆单模光纤的衰减",
	"param.smf_db_per_km.source": "TIA Fiber Optics Tech Consortium，IEEE 802.3 信道表：0.4（OS2），室内/室外光缆 0.5，1.0（OS1a），与 IEEE 802.3 所用取值一致",

	"param.smf_group_index":        "1310 nm 处单模光纤的群折射率",
	"param.smf_group_index.source": "G.652.D 光纤数据手册（Corning SMF-28）",

	"param.sr_channel_db":        "OM4 上多模 SR 通道允许的信道插入损耗",
	"param.sr_channel_db.source": "TIA Fiber Optics Tech Consortium，IEEE 802.3 信道表：400GBASE-SR4.2 在 OM4 上 100 m 为 1.8 dB",

	"param.sr_connection_db":        "多模 SR 信道的连接损耗分配",
	"param.sr_connection_db.source": "TIA Fiber Optics Tech Consortium，IEEE 802.3 信道表：1.8 dB 信道损耗减去 100 m OM4 光纤的 0.3 dB",

	"param.mmf_db_per_km":        "850 nm 处 OM4 多模光纤的衰减",
	"param.mmf_db_per_km.source": "TIA-568.2-D（OM3 3.5，OM4/OM5 3.0 dB/km）",

	"param.mmf_group_index":        "850 nm 处 OM4 多模光纤的群折射率",
	"param.mmf_group_index.source": "OM4 光纤数据手册",

	"param.mmf_max_lane_gbps":        "多模（VCSEL）链路可承载的最高通道速率",
	"param.mmf_max_lane_gbps.source": "工程估计：IEEE 802.3db 定义了每通道 100 Gb/s 的 SR；802.3dj 没有定义每通道 200 Gb/s 的多模 PMD",

	"param.fr_channel_db":        "FR 通道（2 km）允许的信道插入损耗",
	"param.fr_channel_db.source": "IEEE 802.3cu，400GBASE-FR4：2 km 处最大信道插入损耗 4 dB",

	"param.fr_connection_db":        "FR 信道的连接损耗分配",
	"param.fr_connection_db.source": "IEEE 802.3cu，400GBASE-FR4：4 dB 中有 3 dB 分配给连接与熔接",

	"param.lr_channel_db":        "LR 通道（10 km）允许的信道插入损耗",
	"param.lr_channel_db.source": "IEEE 802.3cu，400GBASE-LR4-6：10 km 处最大信道插入损耗 6.3 dB",

	"param.lr_connection_db":        "LR 信道的连接损耗分配",
	"param.lr_connection_db.source": "IEEE 802.3cu，400GBASE-LR4-6：连接与熔接分配 2 dB",

	"param.smf_lr_db_per_km":        "LR 链路所用 O 波段各波长上成缆单模光纤的衰减",
	"param.smf_lr_db_per_km.source": "IEEE 802.3 LR 预算：0.43 dB/km，即 10 km 室外光缆上 CWDM/LWDM 波长栅格中的最差值",

	// Latency.
	"param.serdes_ns":        "单个 SerDes 的时延（发送侧或接收侧）",
	"param.serdes_ns.source": "工程估计",

	"param.fec_decode_ns":        "码字到齐后的 RS(544,514) 译码时延",
	"param.fec_decode_ns.source": "IEEE 802.3dj 估计：累积与译码合计 50-100 ns；译码时延为扣除 800G 端口 25.6 ns 累积时间后的剩余部分",

	"param.inner_fec_ns":        "光链路内码 FEC 的时延（编码、交织、软判决译码）",
	"param.inner_fec_ns.source": "工程估计：IEEE 802.3dj 在每通道 200 Gb/s 的光链路上将 Hamming(128,120) 内码（软判决译码，Chase-2）与 RS(544,514) 级联（Cathy Liu, Signal Integrity Journal）；未找到时延数据",

	"param.fec_gain_db":        "通道 RS FEC 的编码增益，无 FEC 链路将失去这部分增益",
	"param.fec_gain_db.source": "Intel AN 846：RS(544,514)“KP4”提供约 6-6.5 dB；25 Gb/s 下的 RS(528,514) 增益更小",

	"param.dsp_ns":        "信号单次经过 DSP 数据通路（时钟恢复、均衡器）的时延：可插拔光模块的 DSP 或有源铜缆的重定时器，二者是同一类芯片",
	"param.dsp_ns.source": "工程估计（两者均未找到公开数据；10-100 ns）",

	"param.switch_ns":        "交换机的直通（cut-through）转发时延",
	"param.switch_ns.source": "Sella, Moore, Zilberman, NEAT 2018（约 300 ns，业界先进水平）",

	// Reliability.
	"param.laser_fit":        "可插拔光模块中 DFB/EML 激光器的失效率（FIT）",
	"param.laser_fit.source": "厂商可靠性说明：70 °C 下 50-200 FIT",

	"param.dsp_fit":        "模块 DSP 或电缆重定时器的失效率（FIT）",
	"param.dsp_fit.source": "工程估计",

	"param.module_other_fit":        "可插拔光模块其余部分（驱动器、TIA、控制器、电源）的失效率（FIT）",
	"param.module_other_fit.source": "工程估计；据此 8 通道 DSP 模块合计 1,000 FIT（100 万小时），对照 Meta 的现场数据 0.5-1 M 器件小时（ECOC 2025）",

	"param.cpo_engine_fit":        "单个光引擎（光子芯片与电芯片）的失效率（FIT）",
	"param.cpo_engine_fit.note":   "按每个器件对应一个光引擎解读；若 Meta 所说的器件指一个端口，则光引擎的失效频率要高出数倍",
	"param.cpo_engine_fit.source": "Meta，ECOC 2025（据媒体报道）：CPO 平均无故障时间（MTBF）约 260 万器件小时",

	"param.cpo_laser_fit":        "外置激光源中单个连续波激光器的失效率（FIT）",
	"param.cpo_laser_fit.source": "Broadcom，OFC 2026：< 0.1 FIT，自 2016 年以来出货超过 400 万颗",

	"param.cpo_lanes_per_laser":        "一个外置连续波（CW）激光器供光的光通道数",
	"param.cpo_lanes_per_laser.source": "NVIDIA 2025（据 TechInsights）：“4x fewer lasers”（激光器数量减少至 1/4）",

	"param.dac_fit":        "无源铜缆 DAC 一端的失效率（FIT）",
	"param.dac_fit.source": "工程估计",

	"param.acc_fit":        "线性有源铜缆一端的失效率（FIT）",
	"param.acc_fit.source": "工程估计",

	"param.aec_fit":        "有源铜缆 AEC 一端（不含其重定时器）的失效率（FIT）",
	"param.aec_fit.source": "工程估计",

	// Cost.
	"param.cost_dac_usd_per_gbps":        "无源铜缆成本，每端每 Gb/s",
	"param.cost_dac_usd_per_gbps.source": "OCP 2026 / IEDM 2025 幻灯片：铜缆每 Gb/s 约 0.05 美元",

	"param.cost_acc_usd_per_gbps":        "线性有源铜缆成本，每端每 Gb/s",
	"param.cost_acc_usd_per_gbps.source": "工程估计（介于无源铜缆与 AEC 之间）",

	"param.cost_aec_usd_per_gbps":        "有源铜缆 AEC 成本，每端每 Gb/s",
	"param.cost_aec_usd_per_gbps.source": "工程估计",

	"param.cost_dsp_usd_per_gbps":        "DSP 可插拔光模块成本，每端每 Gb/s",
	"param.cost_dsp_usd_per_gbps.source": "OCP 2026 / IEDM 2025 幻灯片：可插拔光模块每 Gb/s 约 0.5 美元",

	"param.cost_lpo_usd_per_gbps":        "线性驱动可插拔光模块（LPO）成本，每端每 Gb/s",
	"param.cost_lpo_usd_per_gbps.source": "工程估计（去掉 DSP 的 DSP 模块）",

	"param.cost_lro_usd_per_gbps":        "线性接收（LRO）模块成本，每端每 Gb/s",
	"param.cost_lro_usd_per_gbps.source": "工程估计（介于 LPO 与 DSP 模块之间）",

	"param.cost_npo_usd_per_gbps":        "近封装光学（NPO）成本，每端每 Gb/s",
	"param.cost_npo_usd_per_gbps.source": "工程估计（以插座安装在封装旁的共封装光引擎）",

	"param.cost_cpo_usd_per_gbps":        "共封装光学（CPO）成本，每端每 Gb/s",
	"param.cost_cpo_usd_per_gbps.source": "OCP 2026 / IEDM 2025 幻灯片：CPO 每 Gb/s 0.10～0.25 美元（取中值）",

	"param.cost_switch_usd_per_gbps":        "交换机整机除光器件外的成本，按其容量每 Gb/s 计",
	"param.cost_switch_usd_per_gbps.note":   "纵向扩展交换芯片按相同的每 Gb/s 单价计价",
	"param.cost_switch_usd_per_gbps.source": "工程估计：一台 51.2 Tb/s 整机（ASIC、主板、风扇、电源）约 2.5 万美元；笼子或封装中的光器件计入链路成本",

	// Cluster.

	"param.switch_fan_share":        "风冷交换机的风扇功耗，占其电子器件功耗的比例",
	"param.switch_fan_share.source": "工程估计：在典型进风温度下，风扇功耗占风冷数据中心交换机功耗的 5-10%",

	"param.switch_pump_share":        "液冷交换机的泵与冷板功耗，占其电子器件功耗的比例",
	"param.switch_pump_share.source": "工程估计：机柜分摊的冷却液泵送功耗；设施的冷水机组计入 PUE",

	"param.psu_efficiency":        "交换机电源的效率",
	"param.psu_efficiency.source": "80 PLUS 铂金（Platinum）：半载 94%（钛金 Titanium 96%），即数据中心交换机电源的常见等级",

	"param.switch_fit":        "交换机整机除光器件外（风扇、电源、主板、ASIC）的失效率（FIT）",
	"param.switch_fit.source": "工程估计：厂商给出的数据中心交换机平均无故障时间（MTBF）为 200,000-500,000 h（未找到数据手册数值）",

	"param.nic_core_watts":        "网卡（NIC）除 SerDes 外的功耗，按每个 GPU 计",
	"param.nic_core_watts.source": "工程估计",

	"param.scale_up_link_lanes":        "单条纵向扩展（scale-up）链路每个方向的通道数",
	"param.scale_up_link_lanes.source": "NVIDIA NVLink 5：每个 GPU 18 条 100 GB/s（双向）链路 = 每个方向 2 条 200 Gb/s 通道",

	"param.scale_up_switch_ports":        "单颗纵向扩展交换芯片端接的纵向扩展链路数",
	"param.scale_up_switch_ports.source": "NVIDIA NVL72：18 颗 NVLink Switch 芯片，对应 72 个 GPU x 18 条链路",

	"param.module_lanes":        "单个可插拔光模块（OSFP、QSFP-DD）的电通道数",
	"param.module_lanes.source": "OSFP 与 QSFP-DD MSA（8 通道）",

	"param.cpo_engine_gbps":        "单个共封装光引擎的容量",
	"param.cpo_engine_gbps.source": "Broadcom Davisson（2025）：102.4 Tb/s 交换机上有 16 个 6.4 Tb/s 光引擎",

	// Economics.
	"param.household_kwh_per_year":              "美国家庭平均年用电量",
	"param.household_kwh_per_year.source":       "US EIA（美国能源信息署），居民用户平均值，2022",
	"param.world_fiber_core_km_per_year":        "全球一年的光纤产量，芯公里",
	"param.world_fiber_core_km_per_year.source": "由有出处的数据作工程估计：2016 年全球需求 4.25 亿芯公里（CRU，据 C114 2016 年 12 月报道）；2021 年中国光缆产量 3.22 亿芯公里（国家统计局），约占全球的 57%（CRU）；未找到 2025 年的公开数据",
	"param.preform_draw_yield":                  "预制棒玻璃经拉丝塔成为可售光纤的比例",
	"param.preform_draw_yield.source":           "工程估计：预制棒两端、拉丝起始段和筛选试验中的断纤都会损失；中金公司的 26,000 吨预制棒约合 8.5 亿芯公里（2027）意味着在 125 µm 下约为 0.88，这是方法页展示的校核，不是本值的来源",
	"param.silica_density_kg_m3":                "熔融石英（光纤的玻璃）的密度",
	"param.silica_density_kg_m3.source":         "熔融石英 2.20 g/cm³（贺利氏与康宁合成熔融石英数据手册）",
	"param.fiber_cladding_um":                   "通信光纤的包层直径",
	"param.fiber_cladding_um.source":            "ITU-T G.652 与 G.657：包层 125.0 ± 0.7 µm",
	"param.job_stop_share":                      "网络故障中会中断跨整个集群作业的比例",
	"param.job_stop_share.source":               "工程估计：集合通信要等待每一条链路，因此一条链路或一台交换机故障就会使作业停止，除非设计能绕开它（备用平面、自适应路由）；Llama 3 的 16,384 GPU 训练把每一次网络交换机与线缆故障都计入了中断（Dubey 等，2024，表 5）",

	"param.cny_per_usd":        "汇率：每美元兑人民币",
	"param.cny_per_usd.source": "CFETS（中国外汇交易中心）2026 年 1 月 2 日人民币汇率中间价，100 美元兑 707.70 元人民币（新华社）；用于将以人民币计的光纤价格换算为美元",

	// Validation cases (V1-V10), keyed by their claim.
	"validation.CPO cuts the electrical path loss from 22 dB to 4 dB: '63x signal integrity'":     "CPO 将电气路径损耗从 22 dB 降至 4 dB：“63x signal integrity”（信号完整性提升 63 倍）",
	"validation.1.6T port ~30 W pluggable vs ~9 W CPO: '3.5x power efficiency' (3.3-3.5x)":        "1.6T 端口，可插拔光模块约 30 W 对比 CPO 约 9 W：“3.5x power efficiency”（能效提升 3.5 倍；3.3-3.5x）",
	"validation.NVL72: 'over 5,000 cables' = 72 GPUs × 18 links × 4 differential pairs":           "NVL72：“over 5,000 cables”（超过 5,000 根线缆）= 72 个 GPU × 18 条链路 × 4 个差分对",
	"validation.NVL72: 130 TB/s per rack = 72 × 1.8 TB/s":                                         "NVL72：每机柜 130 TB/s = 72 × 1.8 TB/s",
	"validation.passive copper reaches at least 5 m at 25 Gb/s per lane":                          "无源铜缆在每通道 25 Gb/s 下传输距离至少 5 m",
	"validation.passive copper reaches at least 3 m at 50 Gb/s per lane":                          "无源铜缆在每通道 50 Gb/s 下传输距离至少 3 m",
	"validation.passive copper reaches at least 2 m at 100 Gb/s per lane":                         "无源铜缆在每通道 100 Gb/s 下传输距离至少 2 m",
	"validation.passive copper reaches at least 1 m at 200 Gb/s per lane":                         "无源铜缆在每通道 200 Gb/s 下传输距离至少 1 m",
	"validation.800GBASE-DR8: 500 m on 0.5 dB/km cable":                                           "800GBASE-DR8：在 0.5 dB/km 的光缆上传输 500 m",
	"validation.800GBASE-DR8: 250 m on 1.0 dB/km cable":                                           "800GBASE-DR8：在 1.0 dB/km 的光缆上传输 250 m",
	"validation.fibre time of flight: 100 m = 490 ns":                                             "光纤传播时延：100 m = 490 ns",
	"validation.Ayar TeraPHY: 10 W at 4 Tb/s bidirectional = 5 pJ/bit":                            "Ayar TeraPHY：双向 4 Tb/s 时 10 W = 5 pJ/bit",
	"validation.200 FIT × 100,000 nodes = 50 h MTBF":                                              "200 FIT × 100,000 个节点 = 平均无故障时间（MTBF）50 h",
	"validation.200 FIT × 1,000,000 nodes = 5 h MTBF":                                             "200 FIT × 1,000,000 个节点 = 平均无故障时间（MTBF）5 h",
	"validation.fat tree, k = 64: k³/4 = 65,536 hosts in 3 tiers":                                 "胖树，k = 64：3 层可容纳 k³/4 = 65,536 台主机",
	"validation.fat tree, k = 64: k²/2 = 2,048 hosts in 2 tiers":                                  "胖树，k = 64：2 层可容纳 k²/2 = 2,048 台主机",
	"validation.fat tree, k = 64, 65,536 hosts: 5,120 switches":                                   "胖树，k = 64，65,536 台主机：5,120 台交换机",
	"validation.skin depth of copper at 1 GHz: 2.09 µm":                                           "铜在 1 GHz 处的趋肤深度：2.09 µm",
	"validation.skin depth of copper at 26.56 GHz: 0.41 µm (printed to two figures: 0.405-0.415)": "铜在 26.56 GHz 处的趋肤深度：0.41 µm（原文给出两位有效数字：0.405-0.415）",

	// Published checks nothing was fitted to, keyed by their name.
	"validation.800G OSFP DR8 module (8 × 100G), W":                                       "800G OSFP DR8 模块（8 × 100G），W",
	"validation.800G SR8 module (8 × 100G, multimode VCSELs), W":                          "800G SR8 模块（8 × 100G，多模 VCSEL），W",
	"validation.800G 2xFR4 module (8 × 100G on 4 wavelengths per fibre): fibres per link": "800G 2xFR4 模块（8 × 100G，每根光纤 4 个波长）：每条链路的光纤数",
	"validation.FR reach, km": "FR 传输距离，km",
	"validation.LR reach, km": "LR 传输距离，km",
	"validation.51.2T switch box (64 × 800G, 100G lanes): power saved by co-packaged optics against DSP pluggables, %": "51.2T 交换机整机（64 × 800G，100G 通道）：共封装光学相对 DSP 可插拔光模块节省的功耗，%",
	"validation.400G DR4 module (4 × 100G), W":                                                        "400G DR4 模块（4 × 100G），W",
	"validation.1.6T pluggable (8 × 200G), W":                                                         "1.6T 可插拔光模块（8 × 200G），W",
	"validation.800G LPO module, W":                                                                   "800G LPO 模块，W",
	"validation.1.6T CPO port, engine and host SerDes, W":                                             "1.6T CPO 端口，光引擎与主机 SerDes，W",
	"validation.light one external CW laser puts out for four 200G lanes, dBm":                        "一颗外置连续波激光器为四个 200G 通道输出的光功率，dBm",
	"validation.OIF ELSFP implementation agreement: output power classes from 11 to 26 dBm per fibre": "OIF ELSFP 实施协议：每根光纤的输出功率等级为 11 至 26 dBm",
	"validation.800G CPO (100G lanes), W":                                                             "800G CPO（100G 通道），W",
	"validation.copper twinax at 200G/lane, pJ/bit":                                                   "每通道 200G 的铜双轴线，pJ/bit",
	"validation.30 AWG passive reach at 100G/lane, m":                                                 "30 AWG 无源铜缆在每通道 100G 下的传输距离，m",
	"validation.26 AWG passive reach at 100G/lane, m":                                                 "26 AWG 无源铜缆在每通道 100G 下的传输距离，m",
	"validation.linear active copper reach at 100G/lane, m":                                           "线性有源铜缆在每通道 100G 下的传输距离，m",
	"validation.AEC reach at 100G/lane (800G), m":                                                     "AEC 在每通道 100G 下的传输距离（800G），m",
	"validation.1.6T active copper (4 m), W":                                                          "1.6T 有源铜缆（4 m），W",
	"validation.linear active copper reach at 200G/lane, m":                                           "线性有源铜缆在每通道 200G 下的传输距离，m",
	"validation.FEC accumulation, one 100G lane, ns":                                                  "FEC 累积时延，单条 100G 通道，ns",
	"validation.FEC accumulation, 800G, ns":                                                           "FEC 累积时延，800G，ns",
	"validation.64 × 800G switch, DSP minus LPO module heat, W":                                       "64 × 800G 交换机，DSP 模块与 LPO 模块的发热之差，W",
	"validation.fat tree k = 48, 3 tiers: hosts":                                                      "胖树 k = 48，3 层：主机数",
	"validation.fat tree k = 48, 27,648 hosts: switches":                                              "胖树 k = 48，27,648 台主机：交换机数",
	"validation.DGX H100 SuperPOD, 248 GPUs (1 SU), QM9700 64-port: leaf + spine switches":            "DGX H100 SuperPOD，248 个 GPU（1 个 SU），QM9700 64 端口：叶 + 脊交换机数",
	"validation.DGX H100 SuperPOD, 760 GPUs (3 SU): leaf + spine switches":                            "DGX H100 SuperPOD，760 个 GPU（3 个 SU）：叶 + 脊交换机数",
	"validation.DGX H100 SuperPOD, 1,016 GPUs (4 SU): leaf + spine switches":                          "DGX H100 SuperPOD，1,016 个 GPU（4 个 SU）：叶 + 脊交换机数",
	"validation.DGX H100 SuperPOD, 1,016 GPUs: leaf-to-spine cables":                                  "DGX H100 SuperPOD，1,016 个 GPU：叶到脊线缆数",
	"validation.DGX B200 SuperPOD, 4,096 GPUs: leaf + spine + core switches":                          "DGX B200 SuperPOD，4,096 个 GPU：叶 + 脊 + 核心交换机数",
	"validation.DGX B200 SuperPOD, 16,384 GPUs: leaf + spine + core switches":                         "DGX B200 SuperPOD，16,384 个 GPU：叶 + 脊 + 核心交换机数",
	"validation.DGX B300 SuperPOD, 4,608 GPUs, Q3400 144-port: leaf + spine switches":                 "DGX B300 SuperPOD，4,608 个 GPU，Q3400 144 端口：叶 + 脊交换机数",
	"validation.scale-out optics per GPU, 1.6T ports, three tiers of DSP pluggables, W":               "每个 GPU 的横向扩展（scale-out）光模块功耗，1.6T 端口，三层均为 DSP 可插拔光模块，W",
	"validation.Llama 3, 16,384 GPUs: network switch and cable failures a day":                        "Llama 3，16,384 块 GPU：每天的网络交换机与线缆故障",
	"validation.Dubey et al., The Llama 3 Herd of Models (2024), table 5: 35 in 54 days":              "Dubey 等，《The Llama 3 Herd of Models》（2024），表 5：54 天内 35 次",
	"validation.The model counts every failure of every link device and switch at its catalogue rate, and every one stops the job (job_stop_share 1); the run counted the failures that interrupted its job, and a switch or cable that fails with a spare path, or is replaced between jobs, does not. Not tuned: the catalogue's rates stay as sourced.": "模型按参数表中的故障率计入每个链路器件和交换机的每一次故障，且每一次都会使作业停止（job_stop_share 为 1）；该训练统计的是中断了其作业的故障，而有备用路径时发生的、或在两次作业之间更换的交换机或线缆故障则不计入。未作调参：参数表中的故障率保持其出处的数值。",
	"validation.26,000 t of preform drawn into fibre, million core-km":                              "26,000 吨预制棒拉成的光纤，百万芯公里",
	"validation.CICC (2026): about 26,000 t of preform capacity by 2027, about 850 million core-km": "中金公司（2026）：到 2027 年预制棒产能约 26,000 吨，约合 8.5 亿芯公里",
	"validation.AI clusters' share of the world's fibre demand in 2025":                             "2025 年 AI 集群占全球光纤需求的比例",
	"validation.CRU via Hengtong (17 March 2025): data centres about 5 % of world demand in 2025":   "CRU，经亨通转述（2025 年 3 月 17 日）：2025 年数据中心约占全球需求的 5%",
	"validation.The model counts the fibre inside the clusters the year's AI capacity adds, about 2.7 % of a year's world output; CRU's data centres include the links between buildings and sites, the conventional halls and the cables laid ahead of use, which the model does not count. The model is not tuned to it.": "模型计入的是当年新增 AI 算力所建集群内部的光纤，约为全球一年产量的 2.7%；CRU 的数据中心还包括楼宇与园区之间的链路、传统机房以及提前敷设的光缆，这些模型都不计入。模型未按该数据调参。",
	"validation.Meta field data: pluggable module MTBF, million hours": "Meta 现场数据：可插拔光模块平均无故障时间（MTBF），百万小时",

	// The checks' disagreements, shown beside them, keyed by their text.
	"validation.In the model an SR8 module differs from a DR8 only in its lasers: eight VCSELs of a few milliwatts against eight cooled EMLs of about 0.37 W each, 2.9 W apart. NVIDIA's maxima are 2 W apart, so a multimode module's other parts (its VCSEL drivers) draw about 1 W more than the driver estimate the model gives every module":                                                                               "模型中 SR8 模块与 DR8 模块只差在激光器：8 颗各只有几毫瓦的 VCSEL，对比 8 颗各约 0.37 W 的带制冷 EML，相差 2.9 W。NVIDIA 给出的最大值只差 2 W，因此多模模块的其他部件（VCSEL 驱动器）比模型给所有模块的驱动器估计值多耗约 1 W",
	"validation.A 200 Gb/s EML draws little more than a 100 Gb/s one in the model (its cooler dominates, and it needs only a little more light), so the module's eight lasers draw 3.2 W against 2.9 W at 800G. The published 25-30 W imply more: hotter lasers at 112 GBd, or a DSP and drivers that get cheaper per bit more slowly than the model's factor per doubling says":                                                "模型中 200 Gb/s 的 EML 只比 100 Gb/s 的多耗一点（制冷器占大头，所需光功率也只略有增加），因此模块的 8 颗激光器耗 3.2 W，800G 时为 2.9 W。公开的 25-30 W 意味着更高的功耗：112 GBd 下更热的激光器，或者 DSP 和驱动器每比特功耗的下降比模型中每翻一番的系数所说的更慢",
	"validation.The engine's electronics, its ring tuning, its share of four-lane continuous-wave lasers (2.5 W with their source modules, each laser launching about 145 mW into 20 dB of splitter, couplers and modulator) and the host SerDes come to just under NVIDIA's rounded ~9 W, whose parts are not published":                                                                                                       "光引擎的电子电路、微环调谐、它分摊的四通道连续波激光器（连同光源模块共 2.5 W，每颗激光器约输出 145 mW，要经过分光器、耦合器和调制器共约 20 dB 的损耗）以及主机 SerDes，合计略低于 NVIDIA 给出的约 9 W（取整数，且未公布各部分）",
	"validation.The model credits a linear redriver with an estimated 9 dB of equalisation (acc_eq_gain_db): over 26 AWG at 53 GHz that buys about 1.3 m beyond passive copper's 1.2 m. A 4 m cable needs some 19 dB more than a passive one, twice that, so either the cable's redrivers equalise far more than a CTLE is credited with here, or it is thicker wire; the slide gives neither, and the gain is not tuned to it": "模型按估计为线性再驱动器 计入 9 dB 均衡（acc_eq_gain_db）：在 26 AWG、53 GHz 下，这使传输距离比无源铜缆的 1.2 m 多出约 1.3 m。4 m 电缆比无源电缆约需多 19 dB，约为上述均衡量的两倍；因此，要么该电缆的 Redriver 均衡能力远超此处为 CTLE 计入的量，要么它用的是更粗的导线。幻灯片对两者都未说明，模型也没有为此调整该增益",
	"group.Switch boxes":                 "交换机整机",
	"param.switch_chip_25g_w":            "25 Gb/s 通道交换芯片的功耗，含 SerDes（6.4 Tb/s，256 通道，16 nm：Tomahawk 2 级）",
	"param.switch_chip_25g_w.source":     "工程估计：博通称一颗 Tomahawk 5（约 500 W）可替代 48 颗 Tomahawk 1（3.2 Tb/s，28 nm）并省电 95% 以上，可知一颗 Tomahawk 1 超过 200 W；Tomahawk 2 在 16 nm 上容量翻倍",
	"param.switch_chip_50g_w":            "50 Gb/s 通道交换芯片的功耗，含 SerDes（25.6 Tb/s，512 通道，7 nm：Tomahawk 4 级）",
	"param.switch_chip_50g_w.source":     "TechInsights（Linley Group），2022：Tomahawk 5 约 500 W，比 7 nm 的 Tomahawk 4 高约 10%",
	"param.switch_chip_100g_w":           "100 Gb/s 通道交换芯片的功耗，含 SerDes（51.2 Tb/s，512 通道，5 nm：Tomahawk 5 级）",
	"param.switch_chip_100g_w.source":    "TechInsights（Linley Group），2022：Tomahawk 5 约 500 W",
	"param.switch_chip_200g_w":           "200 Gb/s 通道交换芯片的功耗，含 SerDes（102.4 Tb/s，512 通道，3 nm：Tomahawk 6 级）",
	"param.switch_chip_200g_w.source":    "工程估计，低于博通对 Tomahawk 6（2025）给出的上限：每 100 Gb/s 远低于 1 W，即低于 1,024 W",
	"param.switch_chip_400g_w":           "400 Gb/s 通道交换芯片的功耗，含 SerDes（204.8 Tb/s，512 通道：预测）",
	"param.switch_chip_400g_w.source":    "工程估计：预测值，512 条通道速率翻倍，采用更新的工艺",
	"param.switch_mgmt_w":                "一台交换机的控制平面（CPU、内存、存储、主板管理控制器）",
	"param.switch_mgmt_w.source":         "工程估计：一颗 4 核 Xeon D 级处理器配 32 GB 内存（如 UfiSpace S9321-64E），加上固态硬盘和主板管理控制器",
	"param.switch_vrm_efficiency":        "交换机主板稳压器的效率（从电源母线到芯片和模块的供电轨）",
	"param.switch_vrm_efficiency.source": "工程估计：多相负载点转换器在满载时效率为 88-92%",
	"validation.The model's box is its chip, control plane, converters, fans and supplies with the optics in it, and saves more. Two reasons, both in this table: the model's DSP module with the switch SerDes that drives it is a wider gap to a co-packaged port than Broadcom's 14-16 W against 5.5 W, and the part of the box that is not optics is smaller in the model than in the datasheets (the check above), so the optics are a larger share of the box they leave": "模型中的整机是芯片、控制平面、稳压器、风扇和电源，加上机内的光器件，节省得更多。原因有二，都在本表中：模型的 DSP 模块连同驱动它的交换机 SerDes，与共封装端口的差距大于博通给出的 14-16 W 对 5.5 W；而整机中光器件以外的部分，模型比数据手册小（见上一项核对），所以光器件在整机中所占份额更大，去掉它们省下的比例也更大",
	"validation.51.2T switch box (64 × 800G, 100G lanes) without transceivers, typical, W": "51.2T 交换机整机（64 × 800G，100G 通道），不含光模块，典型功耗，W",
	"validation.UfiSpace S9321-64E datasheet (Tomahawk 5): 913 W typical, no transceivers": "UfiSpace S9321-64E 数据手册（Tomahawk 5）：不含光模块时典型功耗 913 W",
	"validation.The model's box is the chip's published 500 W, a control plane, converters, fans and supplies, with passive copper in the cages: it falls short of the datasheet by about a fifth. What the datasheet's typical figure holds beyond these is not published in parts; an air-cooled 2U box pushing half a kilowatt through one heat sink likely runs its fans above the model's share (switch_fan_share)": "模型中的整机是芯片公布的 500 W，加上控制平面、稳压器、风扇和电源，笼子里插无源铜缆：比数据手册少约五分之一。数据手册的典型值在这些之外还包含什么，没有分项公布；一台 2U 风冷整机要通过一个散热器排出半千瓦热量，其风扇功耗很可能高于模型的比例（switch_fan_share）",
	"group.Error correction":            "纠错",
	"param.rs_fec_pj":                   "链路一端 RS 码的能耗（编码器和解码器，在主机芯片中）",
	"param.rs_fec_pj.source":            "工程估计：硬判决 RS 解码器只是 SerDes 旁的一个小模块；一个强得多的 400 Gb/s 硬判决乘积码解码器在 28 nm 下实测 1.14 pJ/bit（可变码率 VLSI 架构，2020）",
	"param.inner_fec_pj":                "光链路一端内码的能耗（软判决解码，在模块 DSP 或主机 SerDes 中）",
	"param.inner_fec_pj.source":         "工程估计：IEEE 802.3dj 的 Hamming(128,120) 内码采用软判决（Chase 算法）解码；未找到功耗数据",
	"param.inner_fec_gain_db":           "内码在 RS 码之外为光预算增加的余量",
	"param.inner_fec_gain_db.source":    "工程估计：IEEE 802.3dj 采用内码来使每通道 200 Gb/s 的强度调制直接检测光链路闭合（Cathy Liu，Signal Integrity Journal）；未找到其单独增益的公布数据",
	"param.fec_auto_margin_db":          "自动选择较轻的纠错码时，链路在每项预算上须保留的余量",
	"param.fec_auto_margin_db.source":   "工程估计：留出 1 dB 余量，以应对老化、温度和器件离散",
	"param.sbd_penalty_db":              "一对铜线同时承载两个方向时放弃的预算（回波和近端串扰在抵消之后的残余）",
	"param.sbd_penalty_db.source":       "工程估计：在一对线上同时双向传输 PAM 信号，正是 BASE-T 以太网的做法（IEEE 802.3an 10GBASE-T，配有回波和近端串扰抵消器）；未找到双轴铜缆在这些速率下的数据",
	"param.sbd_serdes_factor":           "一对线承载两个方向时的 SerDes 能耗，相对每对线一个方向（混合电路和回波抵消器）",
	"param.sbd_serdes_factor.source":    "工程估计：回波抵消器是一个与信道回波一样长的自适应滤波器，与接收机自身的均衡器并存",
	"param.pam_hi_serdes_factor":        "PAM6 或 PAM8 通道的 SerDes 能耗，相对同一比特率的 PAM4（更精细的转换器、更长的均衡器）",
	"param.pam_hi_serdes_factor.source": "工程估计：电平数每翻一番，ADC 接收机约需多半位分辨率；符号率下降，每符号比特数上升",
}
