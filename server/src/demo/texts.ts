/** Vietnamese wording of the demo data: what residents raise, what cells answer, what members note. */
import { weighted } from './random.js';
import type { Topic } from './tables.js';

export const topicPicker = weighted<Topic>([
  ['livelihood', 16], ['poverty', 10], ['drinking_water', 8], ['infrastructure', 8], ['traffic', 6],
  ['health_insurance', 7], ['health', 6], ['education', 6], ['environment', 5], ['land', 5], ['policy', 6],
  ['security_order', 3], ['social_evils', 3], ['fraud', 3], ['theft', 2], ['construction', 2], ['conflict', 2],
  ['religion', 1], ['other', 3],
]);

/** What residents raise, per topic; `{place}` is the village or block. */
export const FEEDBACK: Record<Topic, readonly string[]> = {
  livelihood: [
    'Đề nghị hỗ trợ vốn vay ưu đãi để làm chuồng nuôi bò nhốt chuồng',
    'Mong được hướng dẫn kỹ thuật trồng chanh leo, cây giống đợt trước chết nhiều',
    'Đề nghị hỗ trợ giống lúa nước cho vụ xuân',
    'Giá sắn thu mua thấp, đề nghị xã liên hệ doanh nghiệp bao tiêu',
  ],
  poverty: [
    'Đề nghị xem xét lại kết quả rà soát hộ nghèo năm nay của gia đình',
    'Hộ mới tách, khó khăn về nhà ở, đề nghị được hỗ trợ theo chương trình xóa nhà tạm',
    'Đề nghị hỗ trợ bò giống theo chương trình giảm nghèo bền vững',
  ],
  land: [
    'Đề nghị cấp giấy chứng nhận quyền sử dụng đất ở khu tái định cư',
    'Tranh chấp ranh giới đất nương với hộ liền kề, đề nghị bản hòa giải',
    'Đề nghị đo đạc lại diện tích đất rừng được giao khoán',
  ],
  environment: [
    'Rác thải sinh hoạt đổ ra suối gây ô nhiễm nguồn nước',
    'Chuồng trại chăn nuôi sát nhà ở gây mùi, đề nghị vận động di dời',
  ],
  drinking_water: [
    'Nước sinh hoạt mùa khô bị thiếu, đề nghị sửa đường ống dẫn nước tự chảy',
    'Bể nước chung của nhóm hộ bị nứt, rò rỉ nước',
    'Nước giếng có màu đục sau mưa lũ, đề nghị kiểm tra chất lượng nước',
  ],
  health_insurance: [
    'Thẻ bảo hiểm y tế của cháu nhỏ chưa được cấp lại',
    'Hỏi về mức hỗ trợ bảo hiểm y tế cho hộ cận nghèo',
    'Đề nghị hướng dẫn thủ tục gia hạn bảo hiểm y tế hộ gia đình',
  ],
  health: [
    'Trạm y tế thiếu thuốc thông thường, người dân phải ra huyện mua',
    'Đề nghị tổ chức khám sức khỏe định kỳ cho người cao tuổi trong bản',
  ],
  education: [
    'Đề nghị hỗ trợ tiền ăn bán trú cho học sinh ở xa trường',
    'Đề nghị sửa phòng học điểm trường lẻ bị dột',
    'Một số cháu có nguy cơ bỏ học, đề nghị nhà trường và bản cùng vận động',
  ],
  social_evils: [
    'Phản ánh có người lạ vào bản nghi liên quan đến ma túy',
    'Một số thanh niên nghiện rượu, đề nghị tăng cường tuyên truyền',
  ],
  security_order: [
    'Thanh niên tụ tập uống rượu, gây mất trật tự vào ban đêm',
    'Xe chở gỗ chạy quá tốc độ qua khu dân cư vào ban đêm',
  ],
  fraud: [
    'Có người gọi điện giả danh cán bộ ngân hàng yêu cầu chuyển tiền',
    'Người dân nhận tin nhắn lừa đảo trúng thưởng, đề nghị công an xã tuyên truyền',
  ],
  theft: ['Mất trộm gà, vịt trong bản nhiều lần', 'Mất trộm máy bơm nước ngoài ruộng'],
  traffic: [
    'Đề nghị sửa đường vào {place}, mùa mưa sạt lở đi lại khó khăn',
    'Cầu treo qua suối bị hỏng ván, đề nghị sửa chữa sớm',
    'Đề nghị lắp biển cảnh báo đoạn đường dốc qua {place}',
  ],
  construction: ['Công trình nhà văn hóa {place} thi công chậm', 'Đề nghị công khai kinh phí làm đường bê tông nội bản'],
  infrastructure: [
    'Đề nghị kéo điện lưới về các hộ ở cuối {place}',
    'Sóng điện thoại yếu, đề nghị nhà mạng lắp thêm trạm phát sóng',
    'Đề nghị bê tông hóa đoạn đường nội {place} còn lại',
  ],
  policy: [
    'Hỏi về chế độ trợ cấp cho người có công với cách mạng',
    'Đề nghị giải quyết chế độ cho thân nhân liệt sĩ',
    'Hỏi về chính sách hỗ trợ người cao tuổi trên 80 tuổi',
  ],
  religion: ['Đề nghị hướng dẫn thủ tục đăng ký sinh hoạt tôn giáo tập trung'],
  conflict: ['Mâu thuẫn giữa hai hộ về lối đi chung, đề nghị tổ hòa giải giúp đỡ', 'Mâu thuẫn trong gia đình về chia đất cho con'],
  other: ['Đề nghị tổ chức lớp dạy chữ cho phụ nữ lớn tuổi', 'Đề nghị hỗ trợ sửa nhà văn hóa để sinh hoạt cộng đồng'],
};

export const ANSWERS_ON_THE_SPOT = [
  'Đảng viên đã giải thích chính sách và hướng dẫn thủ tục ngay tại gia đình',
  'Đã hướng dẫn gia đình liên hệ công chức văn hóa - xã hội xã',
  'Đảng viên đã trao đổi, giải thích rõ quy định hiện hành, gia đình đồng tình',
];
export const CELL_ANSWERS = [
  'Chi bộ đã thảo luận tại buổi sinh hoạt định kỳ, phân công đảng viên phối hợp ban quản lý bản giải quyết',
  'Chi bộ đã trao đổi và trả lời gia đình tại buổi họp khu dân cư',
];
/** Cell answers that only fit some topics. */
export const CELL_TOPIC_ANSWERS: Partial<Record<Topic, string>> = {
  conflict: 'Tổ hòa giải của bản đã hòa giải thành, hai bên thống nhất',
  land: 'Ban quản lý bản đã cùng hai hộ xác định lại ranh giới, hai bên thống nhất',
  traffic: 'Chi bộ đã vận động nhân dân góp ngày công sửa chữa tạm thời',
  infrastructure: 'Chi bộ đã vận động nhân dân góp ngày công sửa chữa tạm thời',
  environment: 'Chi bộ đã phân công đoàn thanh niên ra quân thu gom, vệ sinh',
};
export const COMMUNE_ANSWERS = [
  'UBND xã đã trả lời bằng văn bản, giao bộ phận chuyên môn hướng dẫn gia đình',
  'Đảng ủy xã đã chỉ đạo các ban ngành kiểm tra và trả lời bằng văn bản',
  'UBND xã đã kiểm tra thực tế và trả lời hộ gia đình bằng văn bản',
];
export const DISTRICT_ANSWERS = [
  'Phòng chuyên môn của huyện đã trả lời bằng văn bản và hướng dẫn thủ tục',
  'Huyện đã xem xét, đưa nội dung kiến nghị vào kế hoạch năm tới và trả lời bằng văn bản',
];

type Noted = readonly (readonly [string, readonly Topic[]])[];

/** What members note after a home visit, with the topics the note is about. */
export const VISIT_NOTES: Noted = [
  ['Gia đình ổn định, con cháu đi học đầy đủ', ['education']],
  ['Tuyên truyền chính sách bảo hiểm y tế, bảo hiểm xã hội tự nguyện', ['health_insurance', 'policy']],
  ['Vận động gia đình làm chuồng trại xa nhà ở', ['environment', 'livelihood']],
  ['Nắm tình hình sản xuất vụ mùa, gia đình cần hỗ trợ giống', ['livelihood']],
  ['Nhắc nhở gia đình giữ vệ sinh môi trường, thu gom rác thải', ['environment']],
  ['Tuyên truyền phòng chống lừa đảo qua mạng', ['fraud']],
  ['Động viên gia đình cho con tiếp tục đi học', ['education']],
  ['Gia đình có người ốm, đã báo trạm y tế', ['health']],
  ['Hướng dẫn gia đình đăng ký vay vốn ngân hàng chính sách', ['livelihood', 'poverty']],
  ['Gia đình phản ánh đường vào bản xuống cấp sau mưa lũ', ['traffic', 'infrastructure']],
  ['Mùa khô, nguồn nước tự chảy về nhóm hộ yếu', ['drinking_water']],
];
export const HOT_SPOT_NOTES: Noted = [
  ['Phát hiện tranh chấp đất nương giữa hai hộ, có nguy cơ xô xát, đã báo ngay Bí thư chi bộ', ['land', 'conflict']],
  ['Có đối tượng lạ vào bản vận động người dân bỏ tiền đầu tư, đã báo công an xã', ['fraud', 'security_order']],
  ['Hai hộ mâu thuẫn gay gắt về lối đi chung, đề nghị hòa giải ngay', ['conflict']],
  ['Nghi có người sử dụng ma túy trong nhóm hộ, đã báo công an xã', ['social_evils', 'security_order']],
];
export const GROUP_ACTIVITIES: Noted = [
  ['Sinh hoạt nhóm hộ: triển khai vệ sinh môi trường, phòng dịch tả lợn châu Phi', ['environment', 'livelihood']],
  ['Họp nhóm hộ tuyên truyền phòng chống ma túy và rượu chè', ['social_evils']],
  ['Nhóm hộ góp ngày công làm đường bê tông nội bản', ['traffic', 'construction']],
  ['Sinh hoạt nhóm hộ: phổ biến chính sách hỗ trợ sản xuất', ['livelihood', 'policy']],
  ['Nhóm hộ ra quân phát quang, khơi thông cống rãnh trước mùa mưa', ['environment', 'infrastructure']],
  ['Sinh hoạt nhóm hộ: vận động tham gia bảo hiểm y tế', ['health_insurance']],
];
export const DELEGATION_GUESTS = [
  'Bí thư Đảng ủy, Chủ tịch UBND xã',
  'Phó Bí thư Thường trực Đảng ủy, Chủ tịch UBMTTQ xã',
  'Bí thư Đảng ủy, Chủ tịch HĐND xã, Chủ tịch Hội Cựu chiến binh',
  'Phó Chủ tịch UBND xã, Bí thư Đoàn Thanh niên, Chủ tịch Hội Phụ nữ xã',
  'Đồng chí Phó Bí thư Huyện ủy cùng Bí thư Đảng ủy xã',
];
export const DELEGATION_NOTES: Noted = [
  ['Đoàn lãnh đạo xã thăm hỏi, tặng quà gia đình chính sách', ['policy']],
  ['Đoàn "Mỗi tuần một điểm đến" nắm tâm tư nguyện vọng của gia đình', ['livelihood', 'other']],
  ['Thăm hỏi gia đình có công với cách mạng nhân dịp ngày Thương binh - Liệt sĩ', ['policy']],
  ['Thăm, động viên hộ nghèo vươn lên thoát nghèo', ['poverty', 'livelihood']],
];
export const END_REASONS = ['Phân công lại theo nhóm hộ', 'Hộ chuyển sang nhóm hộ khác', 'Đảng viên nhận nhiệm vụ mới, chi bộ phân công lại'];
export const EXEMPT_END_REASON = 'Đảng viên được miễn sinh hoạt đảng';

export const HEALTH_NOTES = {
  age: 'Tuổi cao, sức yếu',
  illness: 'Ốm đau dài ngày, đang điều trị',
  mobility: 'Đi lại khó khăn',
  other: 'Hoàn cảnh gia đình đặc biệt khó khăn',
} as const;

export const MEMBER_COMMENTS = {
  excellent: 'Gương mẫu, thăm hộ đều đặn, nắm chắc tình hình nhóm hộ phụ trách',
  good: 'Hoàn thành tốt nhiệm vụ được giao, thăm hộ thường xuyên',
  complete: 'Có lúc chưa thăm hộ đúng định kỳ',
  incomplete: 'Nhiều tháng không thăm hộ phụ trách, chưa phản ánh kịp thời',
} as const;
export const CELL_COMMENTS = {
  excellent: 'Chi bộ trong sạch, vững mạnh tiêu biểu; 100% đảng viên phụ trách hộ',
  good: 'Duy trì tốt sinh hoạt định kỳ và việc phân công đảng viên phụ trách hộ',
  complete: 'Một số đảng viên chưa thăm hộ thường xuyên',
  incomplete: 'Chưa triển khai phân công đảng viên phụ trách hộ',
} as const;
export const RESIDENCE_COMMENTS = {
  good: 'Gương mẫu, tham gia sinh hoạt nơi cư trú đầy đủ',
  fair: 'Tham gia sinh hoạt nơi cư trú chưa đều',
  poor: 'Ít liên hệ với chi bộ nơi cư trú',
} as const;
export const POVERTY_NOTES = {
  poor: 'Rà soát hộ nghèo cuối năm',
  near_poor: 'Thoát nghèo, chuyển sang hộ cận nghèo',
  none: 'Thoát nghèo nhờ mô hình nuôi bò nhốt chuồng',
} as const;
