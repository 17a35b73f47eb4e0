//! Every text of the pages that has an Indonesian and an English form, in one place:
//! a [`Text`] holds both, so neither can be missing, and the test below checks that
//! none is empty and that each is worded in its own language. Pages write
//! `lang.t(T::KEY)` (with `use crate::i18n::catalogue as T`).

use super::Text;

pub const ACCEPT: Text = Text {
    id: "Terima",
    en: "Accept",
};
pub const ACCEPTED_INTO_THE_RKPD: Text = Text {
    id: "Diterima dalam RKPD",
    en: "Accepted into the RKPD",
};
pub const ACCEPT_2: Text = Text {
    id: "terima",
    en: "accept",
};
pub const ACCEPT_INTO_THE_RKPD: Text = Text {
    id: "Terima dalam RKPD",
    en: "Accept into the RKPD",
};
pub const ACCESSIBILITY: Text = Text {
    id: "Akomodasi",
    en: "Accessibility",
};
pub const ACCESSIBILITY_PROVIDED: Text = Text {
    id: "Akomodasi yang disediakan",
    en: "Accessibility provided",
};
pub const ACCOUNT: Text = Text {
    id: "Akun",
    en: "Account",
};
pub const ACCOUNT_CREATED: Text = Text {
    id: "Akun dibuat:",
    en: "Account created:",
};
pub const ACTION: Text = Text {
    id: "Tindak lanjut",
    en: "Action",
};
pub const ACTIONS: Text = Text {
    id: "Tindakan",
    en: "Actions",
};
pub const ACTIVE: Text = Text {
    id: "aktif",
    en: "active",
};
pub const ACTIVITY: Text = Text {
    id: "Kegiatan",
    en: "Activity",
};
pub const ADD_AN_ACCOUNT: Text = Text {
    id: "Tambah akun",
    en: "Add an account",
};
pub const ADD_A_PROPOSAL: Text = Text {
    id: "Tambah usulan",
    en: "Add a proposal",
};
pub const ADD_THE_PLAN: Text = Text {
    id: "Tambah rencana",
    en: "Add the plan",
};
pub const ADMINISTRATION: Text = Text {
    id: "Administrasi pemerintahan",
    en: "Administration",
};
pub const ADMINISTRATION_2: Text = Text {
    id: "Administrasi",
    en: "Administration",
};
pub const AFTER: Text = Text {
    id: "Sesudah",
    en: "After",
};
pub const AFTER_SERVING_A_CITIZEN_ISSUE_ONE_TICKET: Text = Text { id: "Setelah melayani warga, terbitkan satu tiket untuk layanan itu. Tiket berlaku satu kali dan 72 jam; tanggapan lewat tiket dihitung sebagai terverifikasi.", en: "After serving a citizen, issue one ticket for that service. A ticket works once, for 72 hours; responses through a ticket count as verified." };
pub const AGE: Text = Text {
    id: "Usia",
    en: "Age",
};
pub const ALL: Text = Text {
    id: "Semua",
    en: "All",
};
pub const ALL_ITS_SESSIONS_ENDED: Text = Text {
    id: "semua sesinya berakhir.",
    en: "all its sessions ended.",
};
pub const AMOUNT: Text = Text {
    id: "Jumlah",
    en: "Amount",
};
pub const AND_CAP: Text = Text {
    id: " dan batas atas ",
    en: " and cap ",
};
pub const AND_WHO_REVIEWED_IT: Text = Text {
    id: ") dan yang memeriksa (",
    en: ") and who reviewed it (",
};
pub const ANONYMOUS: Text = Text {
    id: "anonim",
    en: "anonymous",
};
pub const ANONYMOUS_RESPONSES: Text = Text {
    id: "tanggapan anonim: ",
    en: "anonymous responses: ",
};
pub const ANSWERS: Text = Text {
    id: "Jawaban",
    en: "Answers",
};
pub const ANSWERS_AT_A_COUNTER_KIOSK_AND_TICKETS: Text = Text { id: "jawaban di kios loket dan tiket dari sistem antrean atau atasan; jawaban lewat tautan, QR atau API, dan tiket yang Anda terbitkan sendiri, masuk hasil SKM yang diumumkan tetapi tidak menentukan TPP", en: "answers at a counter kiosk and tickets from a queue system or a supervisor; answers by link, QR or API, and tickets you issued yourself, count in the published SKM but do not decide TPP" };
pub const ANSWERS_U1_U9: Text = Text {
    id: "Jawaban U1–U9",
    en: "Answers U1–U9",
};
pub const APBD_BUDGET: Text = Text {
    id: "Anggaran APBD",
    en: "APBD budget",
};
pub const APBD_BUDGET_RP: Text = Text {
    id: "Anggaran APBD (Rp)",
    en: "APBD budget (Rp)",
};
pub const APPEAL: Text = Text {
    id: "Ajukan keberatan",
    en: "Appeal",
};
pub const APPEALED_AWAITING_THE_INSPECTORATE: Text = Text {
    id: "Keberatan diajukan, menunggu Inspektorat",
    en: "Appealed, awaiting the inspectorate",
};
pub const APPEALS_OF_RESPONSES: Text = Text {
    id: "Keberatan atas tanggapan",
    en: "Appeals of responses",
};
pub const APPEAL_DISMISSED: Text = Text {
    id: "Keberatan ditolak",
    en: "Appeal dismissed",
};
pub const APPEAL_FILED_THE_INSPECTORATE_WILL_DECIDE: Text = Text {
    id: "Keberatan diajukan. Inspektorat akan memutuskan.",
    en: "Appeal filed. The inspectorate will decide.",
};
pub const APPEAL_UPHELD: Text = Text {
    id: "Keberatan dikabulkan",
    en: "Appeal upheld",
};
pub const APPLY: Text = Text {
    id: "Terapkan",
    en: "Apply",
};
pub const APPROVE: Text = Text {
    id: "Setujui…",
    en: "Approve…",
};
pub const APPROVED: Text = Text {
    id: "disetujui",
    en: "approved",
};
pub const APPROVE_THE_TPP_RUN: Text = Text {
    id: "Setujui perhitungan TPP?",
    en: "Approve the TPP run?",
};
pub const APPROVING_AND_LOCKING_ARE_DONE_BY_BPKAD: Text = Text {
    id: "Persetujuan dan penguncian dilakukan BPKAD.",
    en: "Approving and locking are done by BPKAD.",
};
pub const ASSIGNMENT_HISTORY: Text = Text {
    id: "Riwayat penugasan",
    en: "Assignment history",
};
pub const AT: Text = Text {
    id: "Pada ",
    en: "At ",
};
pub const ATTENDANCE: Text = Text {
    id: ", kehadiran ",
    en: ", attendance ",
};
pub const AUDIT_LOG: Text = Text {
    id: "Log audit",
    en: "Audit log",
};
pub const AWAITING_A_DECISION: Text = Text {
    id: "Menunggu keputusan: ",
    en: "Awaiting a decision: ",
};
pub const A_FEW_RESPONSES_MUST_NOT_DECIDE_ALONE: Text = Text { id: "Sedikit tanggapan tidak boleh menentukan sendiri, maka nilai Anda digabung dengan nilai unit; k adalah bobot nilai unit, setara dengan ", en: "A few responses must not decide alone, so your score is blended with your unit's; k is the weight of the unit's score, worth " };
pub const A_LOCKED_RUN_NEVER_CHANGES: Text = Text {
    id: "Perhitungan yang terkunci tidak berubah lagi.",
    en: "A locked run never changes.",
};
pub const A_MONTH_THAT_HAS_ENDED: Text = Text {
    id: "Bulan yang sudah berakhir",
    en: "A month that has ended",
};
pub const A_NIP_HAS_18_DIGITS: Text = Text {
    id: "NIP terdiri dari 18 angka.",
    en: "A NIP has 18 digits.",
};
pub const A_RESPONSE_FOR_THIS_TICKET_IS_ALREADY: Text = Text { id: "Tanggapan untuk tiket ini sudah tercatat. Setiap tiket hanya berlaku satu kali. Terima kasih!", en: "A response for this ticket is already recorded. Each ticket counts once. Thank you!" };
pub const A_SCORE_FROM_A_SAMPLE_CAN_BE: Text = Text {
    id: "Nilai dari sampel bisa meleset. Dengan keyakinan ",
    en: "A score from a sample can be off. With ",
};
pub const A_STEP_FOR_THE_CHOSEN_PROPOSALS: Text = Text {
    id: "Langkah untuk usulan terpilih",
    en: "A step for the chosen proposals",
};
pub const A_TABLET_AT_THE_COUNTER_CAN_BE: Text = Text { id: "Tablet di loket dapat menjadi kios survei: buka halaman ini di tablet itu, pilih titik layanannya, lalu daftarkan. Tablet menyimpan kunci kiosnya sendiri, dan Anda otomatis keluar dari akun Anda di tablet itu. Tanggapan dari kios dicatat sebagai diberikan di tempat; tanggapan itu baru dihitung untuk TPP setelah inspektorat atau BKPSDM menyetujui kiosnya.", en: "A tablet at the counter can be a survey kiosk: open this page on that tablet, choose its service point and register it. The tablet keeps its own kiosk key, and you are signed out of your account on that tablet. Responses from a kiosk are recorded as given on site; they count for TPP once the inspectorate or BKPSDM has approved the kiosk." };
pub const BACK: Text = Text {
    id: "Kembali",
    en: "Back",
};
pub const BACK_TO_THE_UNIT_S_PAGE: Text = Text {
    id: "Kembali ke halaman unit",
    en: "Back to the unit's page",
};
pub const BASE: Text = Text {
    id: "TPP dasar",
    en: "Base",
};
pub const BASE_TPP: Text = Text {
    id: "TPP dasar",
    en: "Base TPP",
};
pub const BASE_TPP_OF_POSITION_CLASS: Text = Text {
    id: "TPP dasar kelas jabatan ",
    en: "Base TPP of position class ",
};
pub const BASE_TPP_PER_POSITION_CLASS: Text = Text {
    id: "TPP dasar per kelas jabatan",
    en: "Base TPP per position class",
};
pub const BEFORE: Text = Text {
    id: "Sebelum",
    en: "Before",
};
pub const BENEFICIARIES: Text = Text {
    id: "Penerima manfaat",
    en: "Beneficiaries",
};
pub const BENEFICIARIES_PER_GROUP_PEOPLE: Text = Text {
    id: "Penerima manfaat per kelompok (orang)",
    en: "Beneficiaries per group (people)",
};
pub const BRAILLE: Text = Text {
    id: "Braille",
    en: "Braille",
};
pub const BUDGET: Text = Text {
    id: "Anggaran",
    en: "Budget",
};
pub const BUDGETED: Text = Text {
    id: "Dianggarkan",
    en: "Budgeted",
};
pub const BUDGETED_APBD: Text = Text {
    id: "Dianggarkan (APBD)",
    en: "Budgeted (APBD)",
};
pub const BUDGETED_IN_THE_APBD: Text = Text {
    id: "Dianggarkan dalam APBD",
    en: "Budgeted in the APBD",
};
pub const BUDGET_IN_THE_APBD: Text = Text {
    id: "Anggarkan dalam APBD",
    en: "Budget in the APBD",
};
pub const BURST_AT_THE_UNIT: Text = Text {
    id: "Lonjakan di unit",
    en: "Burst at the unit",
};
pub const BY: Text = Text {
    id: "Oleh",
    en: "By",
};
pub const BY_UNIT: Text = Text {
    id: "Per unit",
    en: "By unit",
};
pub const CANCEL: Text = Text {
    id: "Batal",
    en: "Cancel",
};
pub const CARRIED_TO_THE_MUSRENBANG: Text = Text {
    id: "Dibawa ke musrenbang",
    en: "Carried to the musrenbang",
};
pub const CARRY_TO_THE_MUSRENBANG_NEXT_LEVEL: Text = Text {
    id: "Bawa ke musrenbang (tingkat berikutnya)",
    en: "Carry to the musrenbang (next level)",
};
pub const CHANGE: Text = Text {
    id: "Perubahan",
    en: "Change",
};
pub const CHANGED: Text = Text {
    id: "Diubah",
    en: "Changed",
};
pub const CHANGES: Text = Text {
    id: "Perubahan",
    en: "Changes",
};
pub const CHANGES_FROM_VERSION: Text = Text {
    id: "Perubahan dari versi ",
    en: "Changes from version ",
};
pub const CHANGE_PASSWORD: Text = Text {
    id: "Ganti kata sandi",
    en: "Change password",
};
pub const CHANGE_YOUR_PASSWORD: Text = Text {
    id: "Ganti kata sandi",
    en: "Change your password",
};
pub const CHANNEL: Text = Text {
    id: "Saluran",
    en: "Channel",
};
pub const CHANNEL_AND_SOURCE: Text = Text {
    id: "Saluran dan sumber",
    en: "Channel and source",
};
pub const CHECK: Text = Text {
    id: "Periksa",
    en: "Check",
};
pub const CHECK_AND_SAVE: Text = Text {
    id: "Periksa dan simpan",
    en: "Check and save",
};
pub const CHECK_A_RECEIPT: Text = Text {
    id: "Periksa tanda terima",
    en: "Check a receipt",
};
pub const CHECK_ONLY_IMPORTS_NOTHING: Text = Text {
    id: "Periksa saja (tidak mengimpor)",
    en: "Check only (imports nothing)",
};
pub const CHECK_THEN_IMPORT: Text = Text {
    id: "Periksa lalu impor",
    en: "Check, then import",
};
pub const CHECK_THE_CODE_ON_YOUR_TICKET_10: Text = Text { id: "Periksa kode pada tiket Anda (10 huruf dan angka), atau isi survei umum dari halaman depan.", en: "Check the code on your ticket (10 letters and digits), or fill in the general survey from the home page." };
pub const CHECK_THE_DECISION: Text = Text {
    id: "Periksa keputusan",
    en: "Check the decision",
};
pub const CHECK_THE_NUMBER_ON_THE_THANK_YOU: Text = Text { id: "Periksa nomor pada layar terima kasih (SKM- lalu 10 huruf dan angka). Penilaian yang baru dikirim langsung tercatat.", en: "Check the number on the thank-you screen (SKM- then 10 letters and digits). A rating just sent is recorded at once." };
pub const CHECK_YOUR_RATING: Text = Text {
    id: "Periksa penilaian Anda",
    en: "Check your rating",
};
pub const CHILDCARE: Text = Text {
    id: "Penitipan anak",
    en: "Childcare",
};
pub const CHILDREN: Text = Text {
    id: "Anak",
    en: "Children",
};
pub const CHILD_PROTECTION: Text = Text {
    id: "Perlindungan anak",
    en: "Child protection",
};
pub const CHOOSE_ACCEPT_OR_REJECT: Text = Text {
    id: "Pilih terima atau tolak.",
    en: "Choose accept or reject.",
};
pub const CHOOSE_AN_ACCOUNT_AND_AN_ACTION: Text = Text {
    id: "Pilih akun dan tindakannya.",
    en: "Choose an account and an action.",
};
pub const CHOOSE_AN_ACTION: Text = Text {
    id: "Pilih tindakan.",
    en: "Choose an action.",
};
pub const CHOOSE_AN_ACTIVE_KIOSK_OF_YOUR_UNITS: Text = Text {
    id: "Pilih kios aktif dari unit Anda.",
    en: "Choose an active kiosk of your units.",
};
pub const CHOOSE_AN_APPEAL_AND_A_DECISION: Text = Text {
    id: "Pilih keberatan dan keputusan.",
    en: "Choose an appeal and a decision.",
};
pub const CHOOSE_AT_LEAST_ONE_CSV_FILE: Text = Text {
    id: "Pilih minimal satu berkas CSV atau Excel.",
    en: "Choose at least one CSV or Excel file.",
};
pub const CHOOSE_A_CSV_FILE: Text = Text {
    id: "Pilih berkas CSV.",
    en: "Choose a CSV file.",
};
pub const CHOOSE_A_MONTH_YYYY_MM: Text = Text {
    id: "Pilih bulan (TTTT-BB).",
    en: "Choose a month (YYYY-MM).",
};
pub const CHOOSE_A_ROLE: Text = Text {
    id: "Pilih peran.",
    en: "Choose a role.",
};
pub const CHOOSE_A_SERVICE_POINT_OF_YOUR_UNITS: Text = Text {
    id: "Pilih titik layanan dari unit Anda.",
    en: "Choose a service point of your units.",
};
pub const CHOOSE_A_STATUS: Text = Text {
    id: "Pilih status.",
    en: "Choose a status.",
};
pub const CHOOSE_PROPOSALS_A_STEP_AND_A_DATE: Text = Text {
    id: "Pilih usulan, langkah dan tanggal.",
    en: "Choose proposals, a step and a date.",
};
pub const CHOOSE_THE_DISTRICT: Text = Text {
    id: "Pilih kecamatan.",
    en: "Choose the district.",
};
pub const CHOOSE_THE_FORUM_S_LEVEL: Text = Text {
    id: "Pilih tingkat forum.",
    en: "Choose the forum's level.",
};
pub const CHOOSE_THE_SERVICE_JUST_GIVEN: Text = Text {
    id: "Pilih layanan yang baru diberikan.",
    en: "Choose the service just given.",
};
pub const CLASS: Text = Text {
    id: "Kelas",
    en: "Class",
};
pub const CODE: Text = Text {
    id: "Kode",
    en: "Code",
};
pub const COLUMNS: Text = Text {
    id: "Kolom: ",
    en: "Columns: ",
};
pub const COMBINED: Text = Text {
    id: "Nilai gabungan",
    en: "Combined",
};
pub const COMPONENT_ROWS_IMPORTED: Text = Text {
    id: "baris komponen diimpor.",
    en: "component rows imported.",
};
pub const COMPUTE: Text = Text {
    id: "Hitung",
    en: "Compute",
};
pub const COMPUTE_A_MONTH_S_TPP: Text = Text {
    id: "Hitung TPP sebulan",
    en: "Compute a month's TPP",
};
pub const CONFIDENCE_THE_TRUE_SCORE_IS_AT_MOST: Text = Text {
    id: "nilai sebenarnya paling tinggi ",
    en: "confidence the true score is at most ",
};
pub const COUNTED: Text = Text {
    id: "Dihitung",
    en: "Counted",
};
pub const COUNTED_FOR_TPP: Text = Text {
    id: "dihitung untuk TPP: ",
    en: "counted for TPP: ",
};
pub const COUNTER: Text = Text {
    id: "Loket",
    en: "Counter",
};
pub const CREATE_ACCOUNT: Text = Text {
    id: "Buat akun",
    en: "Create account",
};
pub const CURRENT_PASSWORD: Text = Text {
    id: "Kata sandi sekarang",
    en: "Current password",
};
pub const CURRENT_STAGE: Text = Text {
    id: "Tahap sekarang",
    en: "Current stage",
};
pub const DASHBOARD: Text = Text {
    id: "Dasbor",
    en: "Dashboard",
};
pub const DATA_INTEGRITY: Text = Text {
    id: "Keutuhan data",
    en: "Data integrity",
};
pub const DATE: Text = Text {
    id: "Tanggal",
    en: "Date",
};
pub const DEADLINE: Text = Text {
    id: "Tenggat",
    en: "Deadline",
};
pub const DECIDED: Text = Text {
    id: "Sudah diputuskan",
    en: "Decided",
};
pub const DECIMALS: Text = Text {
    id: " desimal.",
    en: " decimals.",
};
pub const DECISION: Text = Text {
    id: "Keputusan",
    en: "Decision",
};
pub const DECISION_FOR_THOSE_TICKED: Text = Text {
    id: "Keputusan untuk yang dicentang",
    en: "Decision for those ticked",
};
pub const DEFAULT_TODAY_THE_HISTORY_IS_KEPT: Text = Text {
    id: "(bawaan: hari ini); riwayatnya tetap tersimpan.",
    en: "(default: today); the history is kept.",
};
pub const DIFFERENCE: Text = Text {
    id: "Selisih",
    en: "Difference",
};
pub const DISABLE: Text = Text {
    id: "Nonaktifkan",
    en: "Disable",
};
pub const DISABLED: Text = Text {
    id: "nonaktif",
    en: "disabled",
};
pub const DISABLED_ITS_SESSIONS_ENDED_AT_ONCE: Text = Text {
    id: "dinonaktifkan; sesinya berakhir seketika.",
    en: "disabled; its sessions ended at once.",
};
pub const DISMISS: Text = Text {
    id: "Tolak…",
    en: "Dismiss…",
};
pub const DISMISSED_THE_RESPONSE_STILL_COUNTS: Text = Text {
    id: "Ditolak; tanggapan tetap dihitung.",
    en: "Dismissed; the response still counts.",
};
pub const DISMISS_THIS_APPEAL: Text = Text {
    id: "Tolak keberatan ini?",
    en: "Dismiss this appeal?",
};
pub const DISTRICT: Text = Text {
    id: "Kecamatan",
    en: "District",
};
pub const DISTRICT_EMPTY_FOR_THE_REGENCY_LEVEL: Text = Text {
    id: "Kecamatan (kosong untuk tingkat kabupaten)",
    en: "District (empty for the regency level)",
};
pub const DISTRICT_MUSRENBANG: Text = Text {
    id: "Musrenbang kecamatan",
    en: "District musrenbang",
};
pub const DISTRICT_VILLAGE: Text = Text {
    id: "Kecamatan / desa",
    en: "District / village",
};
pub const DOWNLOAD: Text = Text {
    id: "Unduh: ",
    en: "Download: ",
};
pub const DOWNLOAD_THE_PROPOSALS_IN_THE_RKPD_AS: Text = Text {
    id: "Unduh usulan yang masuk RKPD sebagai lembar kerja untuk SIPD: ",
    en: "Download the proposals in the RKPD as a worksheet for SIPD: ",
};
pub const DOWNLOAD_THE_SKM_REPORT_PDF: Text = Text {
    id: "Unduh laporan SKM (PDF)",
    en: "Download the SKM report (PDF)",
};
pub const DOWNLOAD_THE_SUMMARY_OF_EVERY_UNIT_NRR: Text = Text {
    id: "Unduh ringkasan semua unit (NRR per unsur, IKM, mutu): ",
    en: "Download the summary of every unit (NRR per element, IKM, grade): ",
};
pub const DRAFT: Text = Text {
    id: "draf",
    en: "draft",
};
pub const EACH_OFFICER_S_TPP_FOLLOWS_PUBLIC_SATISFACTION: Text = Text { id: "TPP setiap pegawai mengikuti kepuasan masyarakat menurut kebijakan yang berlaku. Alurnya: impor TPP dasar dan komponen lain, hitung bulan yang sudah berakhir, periksa (BKPSDM), setujui lalu kunci (BPKAD), ekspor untuk pembayaran.", en: "Each officer's TPP follows public satisfaction under the policy in force. The flow: import base amounts and other components, compute a month that has ended, review (BKPSDM), approve then lock (BPKAD), export for payment." };
pub const EASY_READ_FORM_CHILDREN: Text = Text {
    id: "Formulir mudah (anak)",
    en: "Easy-read form (children)",
};
pub const EASY_READ_MATERIAL: Text = Text {
    id: "Bahan mudah dibaca",
    en: "Easy-read material",
};
pub const ECONOMY: Text = Text {
    id: "Ekonomi",
    en: "Economy",
};
pub const EDUCATION: Text = Text {
    id: "Pendidikan",
    en: "Education",
};
pub const EFFECTIVE: Text = Text {
    id: "Berlaku",
    en: "Effective",
};
pub const ELDERLY: Text = Text {
    id: "Lansia",
    en: "Elderly",
};
pub const ELEMENT: Text = Text {
    id: "Unsur",
    en: "Element",
};
pub const ENABLE: Text = Text {
    id: "Aktifkan",
    en: "Enable",
};
pub const ENABLED_AGAIN: Text = Text {
    id: "diaktifkan lagi.",
    en: "enabled again.",
};
pub const END_SESSIONS: Text = Text {
    id: "Akhiri sesi",
    en: "End sessions",
};
pub const ENVIRONMENT: Text = Text {
    id: "Lingkungan",
    en: "Environment",
};
pub const ESTIMATED_COST: Text = Text {
    id: "Perkiraan biaya",
    en: "Estimated cost",
};
pub const ESTIMATED_COST_RP: Text = Text {
    id: "Perkiraan biaya (Rp)",
    en: "Estimated cost (Rp)",
};
pub const EVERY_ADMINISTRATIVE_CHANGE_NEWEST_FIRST_THIS_LOG: Text = Text { id: "Setiap perubahan administratif, terbaru di atas. Log ini hanya bisa ditambah, tidak bisa diubah atau dihapus.", en: "Every administrative change, newest first. This log can only be added to, never changed or deleted." };
pub const EVERY_CHANNEL: Text = Text {
    id: "semua saluran",
    en: "every channel",
};
pub const EVERY_COUNTED_RESPONSE_IS_A_LEAF_OF: Text = Text { id: "Setiap tanggapan yang dihitung menjadi daun sebuah pohon Merkle (seperti Certificate Transparency, RFC 9162). Kepala pohon ditandatangani dengan kunci Ed25519 yang disimpan di luar basis data, sehingga perubahan diam-diam pada tanggapan, jumlah, atau TPP terlihat oleh siapa pun yang mencatat kepala ini.", en: "Every counted response is a leaf of a Merkle tree (as in Certificate Transparency, RFC 9162). The tree's head is signed with an Ed25519 key kept outside the database, so a quiet change to responses, totals or TPP shows to anyone who noted this head." };
pub const EVERY_ONE_MATCHING_THE_FILTER: Text = Text {
    id: "Semua yang cocok dengan saringan (",
    en: "Every one matching the filter (",
};
pub const EVERY_OTHER_SESSION_OF_THIS_ACCOUNT_ENDS: Text = Text {
    id: "Semua sesi lain akun ini berakhir; sesi ini tetap.",
    en: "Every other session of this account ends; this one stays.",
};
pub const EVERY_RESPONSE_LINK_QR_API_KIOSK_AND: Text = Text {
    id: "semua tanggapan (tautan, QR, API, kios dan tiket)",
    en: "every response (link, QR, API, kiosk and ticket)",
};
pub const EVIDENCE: Text = Text {
    id: "Bukti: ",
    en: "Evidence: ",
};
pub const EVIDENCE_2: Text = Text {
    id: "Bukti",
    en: "Evidence",
};
pub const EVIDENCE_OF_IMPLEMENTATION: Text = Text {
    id: "Bukti pelaksanaan",
    en: "Evidence of implementation",
};
pub const FACILITATOR: Text = Text {
    id: "Fasilitator",
    en: "Facilitator",
};
pub const FACTOR: Text = Text {
    id: "Faktor",
    en: "Factor",
};
pub const FACTOR_PAID_ROUNDED_TO_0_01: Text = Text {
    id: "Faktor dibayar (dibulatkan ke 0,01%): ",
    en: "Factor paid (rounded to 0.01%): ",
};
pub const FIELD: Text = Text {
    id: "Isian",
    en: "Field",
};
pub const FIELD_2: Text = Text {
    id: "Kolom",
    en: "Field",
};
pub const FILE: Text = Text {
    id: "Berkas",
    en: "File",
};
pub const FILL_IN_THE_PLACE_AND_FACILITATOR: Text = Text {
    id: "Isi tempat dan fasilitator.",
    en: "Fill in the place and facilitator.",
};
pub const FILTER: Text = Text {
    id: "Saring",
    en: "Filter",
};
pub const FIND_A_UNIT: Text = Text {
    id: "Cari unit",
    en: "Find a unit",
};
pub const FOLLOW_UP_PLAN: Text = Text {
    id: "Rencana tindak lanjut",
    en: "Follow-up plan",
};
pub const FOLLOW_UP_PLANS: Text = Text {
    id: "Rencana tindak lanjut",
    en: "Follow-up plans",
};
pub const FORUM: Text = Text {
    id: "Forum",
    en: "Forum",
};
pub const FORUM_CODE: Text = Text {
    id: "Kode forum",
    en: "Forum code",
};
pub const FOR_SCORE: Text = Text {
    id: " untuk nilai ",
    en: " for score ",
};
pub const FOUR_EYES: Text = Text {
    id: "Empat mata",
    en: "Four eyes",
};
pub const FROM: Text = Text {
    id: "Mulai",
    en: "From",
};
pub const FULL_SCREEN: Text = Text {
    id: "Layar penuh",
    en: "Full screen",
};
pub const GIVE_THE_KIOSK_A_NAME_AT_MOST: Text = Text {
    id: "Beri kios nama (paling banyak 80 karakter).",
    en: "Give the kiosk a name (at most 80 characters).",
};
pub const GIVE_THIS_CODE_TO_THE_PROPOSERS_WITH: Text = Text {
    id: "Berikan kode ini kepada pengusul: dengan kode ini perjalanan usulan dapat dilihat di ",
    en: "Give this code to the proposers: with it they can follow the proposal at ",
};
pub const GIVE_YOUR_IDEA_A_NAME: Text = Text {
    id: "Beri nama usulanmu",
    en: "Give your idea a name",
};
pub const GRADE: Text = Text {
    id: "Mutu",
    en: "Grade",
};
pub const GROUP: Text = Text {
    id: "Kelompok",
    en: "Group",
};
pub const HEALTH: Text = Text {
    id: "Kesehatan",
    en: "Health",
};
pub const HEARING_SPEECH_DISABILITY: Text = Text {
    id: "Disabilitas rungu/wicara",
    en: "Hearing/speech disability",
};
pub const HELD_BECAUSE: Text = Text {
    id: "Alasan ditahan",
    en: "Held because",
};
pub const FALL_LIMIT_FROM_LAST_MONTH: Text = Text {
    id: "Batas penurunan bulanan: TPP turun paling banyak {} dari TPP penuh dalam sebulan. Bulan lalu dibayar {}, jadi bulan ini paling sedikit {}.",
    en: "Monthly fall limit: TPP falls by at most {} of full TPP in a month. Last month {} was paid, so this month at least {}.",
};
pub const FALL_LIMIT_FROM_FULL_PAY: Text = Text {
    id: "Batas penurunan bulanan: TPP turun paling banyak {} dari TPP penuh dalam sebulan. Bulan lalu tidak ada TPP yang disetujui untuk Anda, jadi dihitung dari pembayaran penuh ({}); bulan ini paling sedikit {}.",
    en: "Monthly fall limit: TPP falls by at most {} of full TPP in a month. No TPP was approved for you last month, so it counts from full pay ({}); this month at least {}.",
};
pub const HELD_BETWEEN_FLOOR: Text = Text {
    id: "Dibatasi batas bawah ",
    en: "Held between floor ",
};
pub const HELD_RESPONSES: Text = Text {
    id: "Tanggapan ditahan",
    en: "Held responses",
};
pub const HISTORY: Text = Text {
    id: "Riwayat",
    en: "History",
};
pub const HOW_MANY_PEOPLE_WOULD_IT_HELP: Text = Text {
    id: "Berapa orang yang terbantu?",
    en: "How many people would it help?",
};
pub const HOW_MANY_PROPOSALS_EACH_GROUP_MADE_AND: Text = Text { id: "Berapa usulan tiap kelompok yang diajukan (dan bagiannya dari semua usulan), yang masuk rencana kerja tahunan (RKPD), yang dianggarkan (APBD) dan yang selesai dibangun (bagian dari usulan kelompok itu). Satu usulan dihitung untuk setiap kelompok pengusulnya; usulan yang digabung atau dipecah dihitung pada usulan penerusnya. Persentase dibulatkan ke satu desimal.", en: "How many proposals each group made (and their share of all proposals), and how many of them entered the annual work plan (RKPD), were budgeted (APBD) and were completed (share of the group's proposals). A proposal counts for each group that proposed it; merged and split proposals count in those that carry them on. Percentages are rounded to one decimal." };
pub const IF_A_RESPONSE_IS_NOT_ABOUT_YOUR: Text = Text { id: "Bila sebuah tanggapan bukan tentang layanan Anda (misalnya Anda sedang cuti), ajukan keberatan dengan alasan. Inspektorat memutuskan; bila dikabulkan, tanggapan itu tidak dihitung untuk TPP pada perhitungan berikutnya.", en: "If a response is not about your service (say, you were on leave), appeal it with a reason. The inspectorate decides; if upheld, the response no longer counts for TPP from the next run on." };
pub const IKM_25_100_GRADES_A_88_31: Text = Text {
    id: "IKM 25–100; mutu A (88,31–100) sampai D.",
    en: "IKM 25–100; grades A (88.31–100) to D.",
};
pub const IKM_DASHBOARD: Text = Text {
    id: "Dasbor IKM",
    en: "IKM dashboard",
};
pub const IKM_PER_MONTH: Text = Text {
    id: "IKM per bulan",
    en: "IKM per month",
};
pub const IKM_PER_SERVICE_UNIT: Text = Text {
    id: "IKM per unit layanan",
    en: "IKM per service unit",
};
pub const IKM_PER_UNIT: Text = Text {
    id: "IKM per unit",
    en: "IKM per unit",
};
pub const IKM_PER_UNIT_25_100: Text = Text {
    id: "IKM per unit (25–100)",
    en: "IKM per unit (25–100)",
};
pub const IMAGE_PNG: Text = Text {
    id: "gambar (PNG)",
    en: "image (PNG)",
};
pub const IMPLEMENTED: Text = Text {
    id: "Terlaksana",
    en: "Implemented",
};
pub const IMPLEMENTED_2: Text = Text {
    id: "Dilaksanakan",
    en: "Implemented",
};
pub const IMPORT: Text = Text {
    id: "Impor",
    en: "Import",
};
pub const IMPORT_BASE_AMOUNTS_REPLACES_THE_TABLE: Text = Text {
    id: "Impor TPP dasar (mengganti tabel)",
    en: "Import base amounts (replaces the table)",
};
pub const IMPORT_COMPONENTS: Text = Text {
    id: "Impor komponen",
    en: "Import components",
};
pub const IMPORT_DONE: Text = Text {
    id: "Impor selesai.",
    en: "Import done.",
};
pub const IMPORT_ORGANISATION: Text = Text {
    id: "Impor organisasi",
    en: "Import organisation",
};
pub const INCLUDING_ALL_SUB_UNITS: Text = Text {
    id: "Termasuk semua sub-unit:",
    en: "Including all sub-units:",
};
pub const INCLUSION_PROOF: Text = Text {
    id: "Bukti keanggotaan",
    en: "Inclusion proof",
};
pub const INFRASTRUCTURE: Text = Text {
    id: "Infrastruktur",
    en: "Infrastructure",
};
pub const INITIAL_PASSWORD_AT_LEAST_12_CHARACTERS: Text = Text {
    id: "Kata sandi awal (minimal 12 karakter)",
    en: "Initial password (at least 12 characters)",
};
pub const INPUT_DIGEST: Text = Text {
    id: "Ringkasan masukan",
    en: "Input digest",
};
pub const INTELLECTUAL_DISABILITY: Text = Text {
    id: "Disabilitas intelektual",
    en: "Intellectual disability",
};
pub const IN_FORCE_THIS_MONTH: Text = Text {
    id: "Berlaku bulan ini: ",
    en: "In force this month: ",
};
pub const IN_THE_ANNUAL_PLAN_RKPD: Text = Text {
    id: "Masuk RKPD",
    en: "In the annual plan (RKPD)",
};
pub const IN_THE_OPEN_EVERY_UNIT_S_IKM: Text = Text {
    id: "Transparansi: IKM setiap unit dan rencana tindak lanjut",
    en: "In the open: every unit's IKM and follow-up plans",
};
pub const IN_THE_PUBLISHED_SKM: Text = Text {
    id: "Di hasil SKM yang diumumkan, ",
    en: "In the published SKM, ",
};
pub const IN_THE_RKPD: Text = Text {
    id: "Masuk RKPD",
    en: "In the RKPD",
};
pub const ISSUE_TICKET: Text = Text {
    id: "Terbitkan tiket",
    en: "Issue ticket",
};
pub const IS_NOT_AN_AMOUNT_IN_RUPIAH: Text = Text {
    id: "bukan jumlah rupiah",
    en: "is not an amount in rupiah",
};
pub const IS_NOT_KNOWN: Text = Text {
    id: "tidak dikenal",
    en: "is not known",
};
pub const IS_REQUIRED: Text = Text {
    id: "wajib diisi",
    en: "is required",
};
pub const IS_THE_EVIDENCE_ENOUGH: Text = Text {
    id: "Cukupkah buktinya?",
    en: "Is the evidence enough?",
};
pub const IS_TOO_LONG: Text = Text {
    id: "terlalu panjang",
    en: "is too long",
};
pub const MARGIN_OF_ERROR_95: Text = Text {
    id: "Batas galat (95 %)",
    en: "Margin of error (95 %)",
};
pub const FROM_KIOSKS_AND_TICKETS: Text = Text {
    id: "Dari kios dan tiket",
    en: "From kiosks and tickets",
};
pub const HOW_SURE_THE_IKM_IS: Text = Text { id: "Setiap IKM ditulis dengan batas galatnya pada tingkat kepercayaan 95 %: nilai sebenarnya hampir pasti berada dalam rentang itu. IKM dari tanggapan yang lebih sedikit daripada sampel survei (Krejcie–Morgan untuk jumlah pengguna unit, paling sedikit 30) bersifat sementara dan belum diberi mutu. Jawaban lewat tautan atau aplikasi yang melampaui lalu lintas wajar suatu unit per jam ditahan untuk diperiksa Inspektorat, sehingga serbuan jawaban dari banyak jaringan hampir tidak menggeser angka ini.", en: "Every IKM is given with its margin of error at 95 % confidence: the true value almost surely lies within that range. An IKM from fewer responses than the survey's sample (Krejcie–Morgan for the unit's users, at least 30) is provisional and not graded. Answers by link or app beyond a unit's plausible traffic in an hour are held for the Inspectorate to review, so a flood of answers from many networks barely moves these figures." };
pub const THE_LAST_DAY_REACHES_A_PAID_MONTH: Text = Text { id: "Hari terakhir jatuh pada atau sebelum bulan yang TPP-nya sudah disetujui atau dikunci, dan bulan itu tidak berubah lagi. Pilih hari setelah bulan itu.", en: "The last day falls in or before a month whose TPP is approved or locked, and that month never changes. Choose a day after it." };
pub const KIOSK: Text = Text {
    id: "Kios",
    en: "Kiosk",
};
pub const KIOSKS_AND_TICKETS: Text = Text {
    id: "kios dan tiket",
    en: "kiosks and tickets",
};
pub const KIOSK_NAME_E_G_COUNTER_1_TABLET: Text = Text {
    id: "Nama kios (mis. Tablet loket 1)",
    en: "Kiosk name (e.g. Counter 1 tablet)",
};
pub const KIOSK_REVOKED_THAT_TABLET_CAN_NO_LONGER: Text = Text {
    id: "Kios dicabut; tablet itu tidak lagi dapat mengirim tanggapan kios.",
    en: "Kiosk revoked; that tablet can no longer send kiosk responses.",
};
pub const LEVEL: Text = Text {
    id: "Tingkat",
    en: "Level",
};
pub const LINE: Text = Text {
    id: "Baris",
    en: "Line",
};
pub const LINES_GRADE_BOUNDARIES_A_B_AND_C: Text = Text {
    id: "Garis: batas mutu A, B dan C.",
    en: "Lines: grade boundaries A, B and C.",
};
pub const LINE_2: Text = Text {
    id: "Baris ",
    en: "Line ",
};
pub const LINK_OR_QR: Text = Text {
    id: "Tautan atau QR",
    en: "Link or QR",
};
pub const LOCATION: Text = Text {
    id: "Lokasi",
    en: "Location",
};
pub const ACCOUNTS_FOR_OFFICERS: Text = Text {
    id: "Akun untuk pegawai",
    en: "Accounts for officers",
};
pub const EACH_OFFICER_GETS_AN_ACCOUNT_AND_A_LETTER: Text = Text {
    id: "Setiap pegawai yang sedang bertugas di unit yang dipilih dan belum punya akun mendapat akun: nama penggunanya NIP-nya, perannya pegawai (hanya melihat angkanya sendiri). Untuk setiap akun tersedia satu surat berisi kata sandi sementara, yang wajib diganti saat pertama kali masuk.",
    en: "Every officer working in the chosen unit who has no account gets one: their NIP as username, the officer role (they see only their own figures). Each account comes with a letter holding a one-time password, which must be changed at the first sign-in.",
};
pub const EVERY_OFFICER_AT_WORK_HAS_AN_ACCOUNT: Text = Text {
    id: "Semua pegawai yang sedang bertugas sudah punya akun.",
    en: "Every officer at work has an account.",
};
pub const N_OFFICERS_WITHOUT_AN_ACCOUNT: Text = Text {
    id: "{} pegawai belum punya akun",
    en: "{} officers without an account",
};
pub const THE_PASSWORDS_SHOW_ONCE: Text = Text {
    id: "Kata sandi sementara hanya tampil sekali, di halaman surat berikutnya: siapkan printer. Pegawai yang suratnya hilang dapat diberi kata sandi baru di halaman Akun pengguna.",
    en: "The one-time passwords show once, on the letters page that follows: have a printer ready. An officer whose letter is lost can be given a new password on the user accounts page.",
};
pub const MAKE_THE_ACCOUNTS_AND_THE_LETTERS: Text = Text {
    id: "Buat akun dan surat",
    en: "Make the accounts and the letters",
};
pub const CHOOSE_A_UNIT_WHOSE_OFFICERS_HAVE_NO_ACCOUNT: Text = Text {
    id: "Pilih unit yang pegawainya belum punya akun.",
    en: "Choose a unit whose officers have no account.",
};
pub const EVERY_OFFICER_OF_THIS_UNIT_HAS_AN_ACCOUNT: Text = Text {
    id: "Semua pegawai unit itu sudah punya akun. Untuk kata sandi baru, pakai Atur ulang kata sandi di halaman Akun pengguna.",
    en: "Every officer of that unit has an account. For a new password, use Reset password on the user accounts page.",
};
pub const FIRST_SIGN_IN_LETTERS: Text = Text {
    id: "Surat akun pertama",
    en: "First sign-in letters",
};
pub const N_ACCOUNTS_MADE_PRINT_NOW: Text = Text {
    id: "{} akun dibuat untuk {}. Cetak halaman ini sekarang: kata sandi sementara tidak akan tampil lagi. Serahkan setiap surat langsung kepada pegawai yang bersangkutan.",
    en: "{} accounts made for {}. Print this page now: the one-time passwords will not show again. Hand each letter to its officer in person.",
};
pub const TO: Text = Text {
    id: "Kepada Yth.",
    en: "To",
};
pub const YOUR_SUARA_ACCOUNT_IS_READY: Text = Text {
    id: "Akun Suara Anda sudah dibuat. Di sana Anda melihat penilaian masyarakat atas layanan Anda dan perhitungan TPP Anda, dan dapat mengajukan keberatan atas penilaian.",
    en: "Your Suara account is ready. There you see the public's ratings of your service and how your TPP is computed, and you can appeal a rating.",
};
pub const SIGN_IN_AT: Text = Text {
    id: "Masuk di",
    en: "Sign in at",
};
pub const ONE_TIME_PASSWORD_2: Text = Text {
    id: "Kata sandi sementara",
    en: "One-time password",
};
pub const CHANGE_IT_AT_FIRST_SIGN_IN_KEEP_IT_TO_YOURSELF: Text = Text {
    id: "Saat pertama kali masuk, Anda diminta mengganti kata sandi ini dengan kata sandi pilihan Anda sendiri (paling sedikit 12 karakter). Jangan berikan kata sandi kepada siapa pun, termasuk atasan atau petugas TI.",
    en: "At your first sign-in you are asked to replace this password with one of your own (at least 12 characters). Never give your password to anyone, your superior or IT staff included.",
};
pub const SOMEONE_ELSE_CHOSE_THIS_PASSWORD: Text = Text {
    id: "Kata sandi akun ini dipilih orang lain. Ganti dengan kata sandi Anda sendiri sebelum melanjutkan.",
    en: "Someone else chose this account's password. Replace it with your own before going on.",
};
pub const MAKE_ACCOUNTS_FOR_A_UNIT_S_OFFICERS: Text = Text {
    id: "Buat akun untuk semua pegawai satu unit sekaligus, dengan surat untuk masing-masing",
    en: "Make accounts for all officers of a unit at once, with a letter for each",
};
pub const ENTRY_CODES: Text = Text {
    id: "Kode keaslian entri",
    en: "Entry codes",
};
pub const BEGUN: Text = Text {
    id: "mulai dipakai",
    en: "begun",
};
pub const THE_SYSTEM: Text = Text {
    id: "sistem",
    en: "the system",
};
pub const FROM_RESPONSE_NUMBER: Text = Text {
    id: "Berlaku mulai tanggapan ke-",
    en: "From response number",
};
pub const DISCARDED: Text = Text {
    id: "dibuang",
    en: "discarded",
};
pub const DISCARD_THIS_VERSION: Text = Text {
    id: "Buang versi ini",
    en: "Discard this version",
};
pub const DISCARD_THE_TPP_RUN: Text = Text {
    id: "Buang versi perhitungan TPP ini?",
    en: "Discard this version of the TPP run?",
};
pub const ONCE_DISCARDED_NEVER_PAID: Text = Text {
    id: "Versi yang dibuang tidak dibayar dan tidak dapat dipakai lagi. Versi itu tetap tersimpan dan tercatat; bulan ini dapat dihitung lagi sebagai versi baru.",
    en: "A discarded version is never paid and cannot be used again. It stays stored and on record; the month can be computed again as a new version.",
};
pub const YES_DISCARD: Text = Text {
    id: "Ya, buang versi ini",
    en: "Yes, discard this version",
};
pub const VERSION_DISCARDED: Text = Text {
    id: "Versi itu dibuang dan tidak akan dibayar.",
    en: "That version is discarded and will not be paid.",
};
pub const ONLY_DRAFTS_ARE_DISCARDED: Text = Text {
    id: "Versi yang sudah disetujui atau dikunci adalah yang dibayar; hanya draf atau versi yang sudah diperiksa yang dapat dibuang.",
    en: "An approved or locked version is what is paid; only a draft or reviewed version can be discarded.",
};
pub const LOCKED: Text = Text {
    id: "terkunci",
    en: "locked",
};
pub const LOCK_FINAL: Text = Text {
    id: "Kunci (final)…",
    en: "Lock (final)…",
};
pub const LOCK_THE_TPP_RUN: Text = Text {
    id: "Kunci perhitungan TPP?",
    en: "Lock the TPP run?",
};
pub const LOG_PAGES: Text = Text {
    id: "Halaman log",
    en: "Log pages",
};
pub const LOG_ROOT: Text = Text {
    id: "Akar log: ",
    en: "Log root: ",
};
pub const MANY_FROM_ONE_NETWORK: Text = Text {
    id: "Banyak dari satu jaringan",
    en: "Many from one network",
};
pub const MARK_AS_REVIEWED: Text = Text {
    id: "Tandai sudah diperiksa",
    en: "Mark as reviewed",
};
pub const MARK_IMPLEMENTED: Text = Text {
    id: "Tandai terlaksana",
    en: "Mark implemented",
};
pub const MENU: Text = Text {
    id: "Menu",
    en: "Menu",
};
pub const MONTH: Text = Text {
    id: "Bulan",
    en: "Month",
};
pub const MONTH_2: Text = Text {
    id: "Bulan: ",
    en: "Month: ",
};
pub const MORE_THAN_THE_PARTICIPANTS_IN_ALL: Text = Text {
    id: "lebih dari jumlah peserta",
    en: "more than the participants in all",
};
pub const MUSRENA_FORUMS: Text = Text {
    id: "Forum Musrena",
    en: "Musrena forums",
};
pub const MUSRENA_KEREN_FORUMS: Text = Text {
    id: "Forum Musrena Keren",
    en: "Musrena Keren forums",
};
pub const MUSRENA_KEREN_PROPOSALS: Text = Text {
    id: "Usulan Musrena Keren",
    en: "Musrena Keren proposals",
};
pub const MUSRENA_KEREN_STATISTICS: Text = Text {
    id: "Statistik Musrena Keren",
    en: "Musrena Keren statistics",
};
pub const MUST_BE_A_NUMBER: Text = Text {
    id: "harus angka",
    en: "must be a number",
};
pub const MY_ACCOUNT: Text = Text {
    id: "Akun saya",
    en: "My account",
};
pub const MY_FIGURES: Text = Text {
    id: "Nilai saya",
    en: "My figures",
};
pub const MY_TPP: Text = Text {
    id: "TPP saya",
    en: "My TPP",
};
pub const N12_MONTH_TREND: Text = Text {
    id: "Tren 12 bulan",
    en: "12-month trend",
};
pub const NAME: Text = Text {
    id: "Nama",
    en: "Name",
};
pub const NEW: Text = Text {
    id: "Baru",
    en: "New",
};
pub const NEWEST: Text = Text {
    id: "← Terbaru",
    en: "← Newest",
};
pub const NEW_PASSWORD_AT_LEAST_12_CHARACTERS_5: Text = Text {
    id: "Kata sandi baru (minimal 12 karakter, 5 di antaranya berbeda)",
    en: "New password (at least 12 characters, 5 of them different)",
};
pub const NEW_PROPOSAL: Text = Text {
    id: "Usulan baru",
    en: "New proposal",
};
pub const NEXT: Text = Text {
    id: "Berikutnya ›",
    en: "Next ›",
};
pub const NEXT_STEP: Text = Text {
    id: "Langkah berikutnya",
    en: "Next step",
};
pub const NEXT_TICKET: Text = Text {
    id: "Tiket berikutnya",
    en: "Next ticket",
};
pub const NIP_FOR_AN_OFFICER_ACCOUNT: Text = Text {
    id: "NIP (untuk akun pegawai)",
    en: "NIP (for an officer account)",
};
pub const NONE: Text = Text {
    id: "— tidak ada —",
    en: "— none —",
};
pub const NONE_2: Text = Text {
    id: "Tidak ada.",
    en: "None.",
};
pub const NOTHING_WAS_CHANGED: Text = Text {
    id: "Tidak ada yang diubah.",
    en: "Nothing was changed.",
};
pub const NOT_IMPORTED_YET_WITHOUT_BASE_AMOUNTS_NO: Text = Text {
    id: "Belum diimpor: tanpa TPP dasar, pegawai tidak dapat dihitung.",
    en: "Not imported yet: without base amounts no officer can be paid.",
};
pub const NOT_NAMED: Text = Text {
    id: "— tidak disebut —",
    en: "— not named —",
};
pub const NOT_PAID: Text = Text {
    id: "Tidak dibayar",
    en: "Not paid",
};
pub const NOT_PAID_IN_THIS_RUN: Text = Text {
    id: "Tidak dibayar pada perhitungan ini: ",
    en: "Not paid in this run: ",
};
pub const NOT_REACHED: Text = Text {
    id: "belum tercapai",
    en: "not reached",
};
pub const NOT_SET_RESPONSES_ARE_NOT_JUDGED_BY: Text = Text {
    id: "tidak ditetapkan (tanggapan tidak dinilai menurut jam)",
    en: "not set (responses are not judged by the hour)",
};
pub const NOW: Text = Text {
    id: "sekarang",
    en: "now",
};
pub const NO_AMOUNT_CHANGED: Text = Text {
    id: "Tidak ada jumlah yang berubah.",
    en: "No amount changed.",
};
pub const NO_APPEALS_ARE_WAITING: Text = Text {
    id: "Tidak ada keberatan yang menunggu.",
    en: "No appeals are waiting.",
};
pub const NO_CHANGES_EVERY_ROW_EQUALS_THE_STORED: Text = Text {
    id: "Tidak ada perubahan: semua baris sama dengan data tersimpan.",
    en: "No changes: every row equals the stored data.",
};
pub const NO_FOLLOW_UP_PLANS_HAVE_BEEN_PUBLISHED: Text = Text {
    id: "Belum ada rencana tindak lanjut yang diumumkan.",
    en: "No follow-up plans have been published yet.",
};
pub const NO_FOLLOW_UP_PLAN_FOR_THIS_PERIOD: Text = Text {
    id: "Belum ada rencana tindak lanjut untuk periode ini.",
    en: "No follow-up plan for this period yet.",
};
pub const NO_FORUMS_YET: Text = Text {
    id: "Belum ada forum.",
    en: "No forums yet.",
};
pub const NO_HELD_RESPONSE_MATCHES_THIS_FILTER: Text = Text {
    id: "Tidak ada tanggapan yang cocok dengan saringan ini.",
    en: "No held response matches this filter.",
};
pub const NO_KIOSKS_YET: Text = Text {
    id: "Belum ada kios.",
    en: "No kiosks yet.",
};
pub const NO_OFFICER_HAS_THAT_NIP: Text = Text {
    id: "Tidak ada pegawai dengan NIP itu.",
    en: "No officer has that NIP.",
};
pub const NO_POLICY_SAVED_YET_THE_DEFAULT_APPLIES: Text = Text { id: "Belum ada kebijakan tersimpan; yang dipakai adalah bawaan (nilai ≥ 80 → 100%, di bawahnya nilai/100).", en: "No policy saved yet; the default applies (score ≥ 80 → 100%, below it score/100)." };
pub const NO_PROPOSAL_IS_STILL_UNDER_WAY: Text = Text {
    id: "Tidak ada usulan yang masih berjalan.",
    en: "No proposal is still under way.",
};
pub const NO_RESPONSES_ARE_HELD: Text = Text {
    id: "Tidak ada tanggapan yang ditahan.",
    en: "No responses are held.",
};
pub const NO_RESPONSES_COUNTED_YET: Text = Text {
    id: "Belum ada tanggapan yang dihitung.",
    en: "No responses counted yet.",
};
pub const NO_RESPONSES_THAT_COUNT_FOR_TPP_FOR: Text = Text {
    id: "Tidak ada tanggapan yang dihitung untuk TPP, bagi Anda maupun unit Anda.",
    en: "No responses that count for TPP, for you or your unit.",
};
pub const NO_RESPONSES_THIS_YEAR_YET: Text = Text {
    id: "Belum ada tanggapan tahun ini.",
    en: "No responses this year yet.",
};
pub const NO_RESPONSES_YET: Text = Text {
    id: "belum ada tanggapan",
    en: "no responses yet",
};
pub const NO_RESPONSE_THAT_COUNTS_FOR_TPP_NAMED: Text = Text {
    id: "Tidak ada tanggapan yang dihitung untuk TPP yang menyebut Anda bulan ini.",
    en: "No response that counts for TPP named you this month.",
};
pub const NO_RUNS_YET: Text = Text {
    id: "Belum ada perhitungan.",
    en: "No runs yet.",
};
pub const NO_SUCH_ACCOUNT: Text = Text {
    id: "Akun itu tidak ada.",
    en: "No such account.",
};
pub const ACCOUNT_KEPT_BY_THE_OPERATOR: Text = Text {
    id: "Akun provinsi dikelola operator server, tidak dari halaman ini.",
    en: "A province account is kept by the server's operator, not from this page.",
};
pub const NO_SUCH_OFFICER: Text = Text {
    id: "pegawai tidak ditemukan",
    en: "no such officer",
};
pub const NO_TPP_RUN_YET_FOR: Text = Text {
    id: "Belum ada perhitungan TPP bulan ",
    en: "No TPP run yet for ",
};
pub const NRR_PER_ELEMENT: Text = Text {
    id: "NRR per unsur",
    en: "NRR per element",
};
pub const NUMBER_NOT_FOUND: Text = Text {
    id: "Nomor tidak ditemukan",
    en: "Number not found",
};
pub const N_ANSWERS_SAVED_ON_THIS_TABLET_WAITING: Text = Text {
    id: "{n} penilaian tersimpan di tablet, menunggu koneksi",
    en: "{n} answers saved on this tablet, waiting for a connection",
};
pub const OCCUPATION: Text = Text {
    id: "Pekerjaan",
    en: "Occupation",
};
pub const OF: Text = Text {
    id: " dari ",
    en: " of ",
};
pub const OFFICER: Text = Text {
    id: "Pegawai",
    en: "Officer",
};
pub const OFFICERS: Text = Text {
    id: "Pegawai",
    en: "Officers",
};
pub const OFFICERS_2: Text = Text {
    id: "pegawai",
    en: "officers",
};
pub const OFFICERS_APPEAL_RESPONSES_THAT_NAME_THEM_UPHOLD: Text = Text { id: "Pegawai mengajukan keberatan atas tanggapan yang menyebut mereka. Kabulkan bila tanggapan itu bukan tentang layanan mereka (periksa daftar hadir, jadwal loket); tanggapan yang dikabulkan tidak dihitung untuk TPP pada perhitungan berikutnya, tetapi tetap dalam SKM yang diumumkan. Keputusan final dan tercatat di log audit.", en: "Officers appeal responses that name them. Uphold an appeal when the response was not about their service (check attendance, counter rosters); an upheld response no longer counts for TPP from the next run on, but stays in the published SKM. Decisions are final and audit-logged." };
pub const OFFICERS_SCORED_FROM_THEIR_SCORE_S_UPPER: Text = Text {
    id: " pegawai dinilai dari batas atas nilainya; ",
    en: " officers scored from their score's upper end; ",
};
pub const OFFICERS_SEE_BELOW: Text = Text {
    id: "pegawai (lihat di bawah)",
    en: "officers (see below)",
};
pub const OFFICERS_WITHOUT_ENOUGH_EVIDENCE_SATISFACTION_COMPONENT_100: Text = Text {
    id: " pegawai tanpa bukti cukup (komponen kepuasan 100%)",
    en: " officers without enough evidence (satisfaction component 100%)",
};
pub const OFFICER_2: Text = Text {
    id: "Petugas",
    en: "Officer",
};
pub const OFFICER_S_NIP: Text = Text {
    id: "NIP petugas",
    en: "Officer's NIP",
};
pub const OFFICER_S_REASON: Text = Text {
    id: "Alasan pegawai",
    en: "Officer's reason",
};
pub const OFFICER_WHO_SERVED_OPTIONAL: Text = Text {
    id: "Petugas yang melayani (boleh kosong)",
    en: "Officer who served (optional)",
};
pub const OFFICER_WHO_STAFFS_THIS_POINT_OPTIONAL: Text = Text {
    id: "Petugas tetap di titik ini (boleh kosong)",
    en: "Officer who staffs this point (optional)",
};
pub const OF_THEM_DO_NOT_DECIDE_TPP_SEE: Text = Text {
    id: " di antaranya tidak menentukan TPP (lihat di bawah).",
    en: " of them do not decide TPP (see below).",
};
pub const OLDER: Text = Text {
    id: "Lebih lama →",
    en: "Older →",
};
pub const ONCE_APPROVED_THIS_RUN_CANNOT_BE_RECOMPUTED: Text = Text { id: "Setelah disetujui, perhitungan ini tidak dapat dihitung ulang; langkah berikutnya hanya menguncinya untuk dibayar.", en: "Once approved, this run cannot be recomputed; the only next step is locking it for payment." };
pub const ONCE_LOCKED_THESE_AMOUNTS_ARE_FINAL_AND: Text = Text { id: "Setelah dikunci, jumlah ini final dan dibayarkan. Perubahan sesudahnya hanya dapat dibuat sebagai versi baru, dengan selisihnya dicatat.", en: "Once locked, these amounts are final and paid. Any later change can only be a new version, with its differences recorded." };
pub const ONLY_TICKETS_FROM_A_QUEUE_SYSTEM_OR: Text = Text {
    id: "hanya tiket dari sistem antrean atau atasan",
    en: "only tickets from a queue system or a supervisor",
};
pub const OPEN_THE_KIOSK: Text = Text {
    id: "Buka kios",
    en: "Open the kiosk",
};
pub const TEMPLATE: Text = Text {
    id: "Templat: ",
    en: "Template: ",
};
pub const TEMPLATE_SHEET_FILL: Text = Text {
    id: "Isi di sini",
    en: "Fill in here",
};
pub const TEMPLATE_SHEET_EXAMPLE: Text = Text {
    id: "Contoh",
    en: "Example",
};
pub const TEMPLATES_HINT: Text = Text {
    id: "Tiap jenis data punya templat (Excel atau CSV) dengan judul kolom yang benar. Isi lembar pertama templat Excel; lembar \u{201c}Contoh\u{201d} menunjukkan satu baris contoh. Kolom NIP, NPWP dan nomor rekening di templat Excel sudah berformat teks, jadi angka nol di depannya tidak hilang. Templat CSV jangan dibuka lalu disimpan dengan Excel: Excel membuang angka nol di depan nomor rekening tanpa bisa diketahui lagi.",
    en: "Each kind of data has a template (Excel or CSV) with the right column headers. Fill in the first sheet of the Excel template; the \u{201c}Example\u{201d} sheet shows one example row. In the Excel template the NIP, NPWP and account number columns are already formatted as text, so their leading zeros are kept. Do not open and save the CSV template in Excel: Excel drops the leading zeros of account numbers, and nothing can tell afterwards.",
};
pub const TABLE_UNITS: Text = Text {
    id: "Unit kerja",
    en: "Units",
};
pub const TABLE_SERVICES: Text = Text {
    id: "Layanan",
    en: "Services",
};
pub const TABLE_POINTS: Text = Text {
    id: "Loket (titik layanan)",
    en: "Service points",
};
pub const TABLE_VILLAGES: Text = Text {
    id: "Desa dan kelurahan",
    en: "Villages",
};
pub const TABLE_CATALOGUE: Text = Text {
    id: "Katalog kegiatan Musrena",
    en: "Musrena activity catalogue",
};
pub const TABLE_ISSUES: Text = Text {
    id: "Isu strategis",
    en: "Strategic issues",
};
pub const OPTIONAL: Text = Text {
    id: "opsional: ",
    en: "optional: ",
};
pub const ORANGE_BARS_BELOW_GRADE_B_76_61: Text = Text {
    id: "Batang jingga: di bawah mutu B (76,61). Angka lengkap ada di tabel.",
    en: "Orange bars: below grade B (76.61). Full figures are in the table.",
};
pub const ORANGE_BARS_WEAKEST_ELEMENTS_TO_IMPROVE_FIRST: Text = Text {
    id: "Batang jingga: unsur terlemah, prioritas perbaikan.",
    en: "Orange bars: weakest elements, to improve first.",
};
pub const OTHER: Text = Text {
    id: "lainnya",
    en: "other",
};
pub const OTHER_COMPONENTS_ATTENDANCE_PRODUCTIVITY: Text = Text {
    id: "Komponen lain (kehadiran, produktivitas)",
    en: "Other components (attendance, productivity)",
};
pub const OTHER_VULNERABLE_GROUPS: Text = Text {
    id: "Kelompok rentan lain",
    en: "Other vulnerable groups",
};
pub const OUR_PROPOSAL_EASY_FORM: Text = Text {
    id: "Usulan kami (formulir mudah)",
    en: "Our proposal (easy form)",
};
pub const OUTSIDE_SERVICE_HOURS: Text = Text {
    id: "Di luar jam layanan",
    en: "Outside service hours",
};
pub const OVERSIGHT: Text = Text {
    id: "Pengawasan",
    en: "Oversight",
};
pub const OWNER: Text = Text {
    id: "Penanggung jawab",
    en: "Owner",
};
pub const PAGE: Text = Text {
    id: "halaman ",
    en: "page ",
};
pub const PAGES: Text = Text {
    id: "Halaman",
    en: "Pages",
};
pub const PAID: Text = Text {
    id: "Dibayar",
    en: "Paid",
};
pub const PARTICIPANTS: Text = Text {
    id: "Peserta",
    en: "Participants",
};
pub const PARTICIPANTS_IN_ALL: Text = Text {
    id: "Jumlah peserta",
    en: "Participants in all",
};
pub const PARTICIPANTS_MUST_BE_A_NUMBER: Text = Text {
    id: "Jumlah peserta harus angka.",
    en: "Participants must be a number.",
};
pub const PARTICIPANTS_NUMBERS_ONLY_NO_NAMES: Text = Text {
    id: "Peserta (jumlah saja, tanpa nama)",
    en: "Participants (numbers only, no names)",
};
pub const PASSWORD: Text = Text {
    id: "Kata sandi",
    en: "Password",
};
pub const PASSWORD_CHANGED_THE_ACCOUNT_S_OTHER_SESSIONS: Text = Text {
    id: "Kata sandi diganti; sesi lain akun ini sudah berakhir.",
    en: "Password changed; the account's other sessions have ended.",
};
pub const PERIOD: Text = Text {
    id: "Periode:",
    en: "Period:",
};
pub const PERIOD_2: Text = Text {
    id: "Periode",
    en: "Period",
};
pub const PER_DISTRICT: Text = Text {
    id: "Per kecamatan",
    en: "Per district",
};
pub const PER_GROUP: Text = Text {
    id: "Per kelompok",
    en: "Per group",
};
pub const PHOTO: Text = Text {
    id: "Foto ",
    en: "Photo ",
};
pub const PHOTOS: Text = Text {
    id: "Foto",
    en: "Photos",
};
pub const PHOTO_JPEG_PNG_OR_WEBP_UP_TO: Text = Text {
    id: "Foto (JPEG, PNG atau WebP, paling besar 5 MB; tidak wajib)",
    en: "Photo (JPEG, PNG or WebP, up to 5 MB; optional)",
};
pub const PHYSICAL_DISABILITY: Text = Text {
    id: "Disabilitas fisik",
    en: "Physical disability",
};
pub const PLACE: Text = Text {
    id: "Tempat",
    en: "Place",
};
pub const PLACE_AND_DATE: Text = Text {
    id: "Tempat dan tanggal",
    en: "Place and date",
};
pub const PLANNING: Text = Text {
    id: "Perencanaan",
    en: "Planning",
};
pub const PLEASE_CHECK: Text = Text {
    id: "Periksa lagi",
    en: "Please check",
};
pub const POINTS_BELOW: Text = Text {
    id: " poin di bawah ",
    en: " points below ",
};
pub const POLICY: Text = Text {
    id: "kebijakan ",
    en: "policy ",
};
pub const POLICY_2: Text = Text {
    id: "Kebijakan",
    en: "Policy",
};
pub const POLICY_IN_FORCE_FOR: Text = Text {
    id: "Kebijakan yang berlaku untuk ",
    en: "Policy in force for ",
};
pub const POSITION: Text = Text {
    id: "Jabatan",
    en: "Position",
};
pub const POSITION_CLASS: Text = Text {
    id: "Kelas jabatan",
    en: "Position class",
};
pub const POSITION_CLASSES_IMPORTED: Text = Text {
    id: "kelas jabatan diimpor.",
    en: "position classes imported.",
};
pub const PREVIOUS: Text = Text {
    id: "‹ Sebelumnya",
    en: "‹ Previous",
};
pub const PRIORITIZE: Text = Text {
    id: "Tetapkan sebagai prioritas",
    en: "Prioritize",
};
pub const PRIORITIZED: Text = Text {
    id: "Diprioritaskan",
    en: "Prioritized",
};
pub const PROBLEM: Text = Text {
    id: "Masalah",
    en: "Problem",
};
pub const PROBLEMS_FOUND_NOTHING_WAS_IMPORTED: Text = Text {
    id: "masalah ditemukan; tidak ada yang diimpor.",
    en: "problems found; nothing was imported.",
};
pub const PRODUCTIVITY: Text = Text {
    id: ", produktivitas ",
    en: ", productivity ",
};
pub const PROGRESS_NOTE: Text = Text {
    id: "Catatan kemajuan",
    en: "Progress note",
};
pub const PROPOSAL: Text = Text {
    id: "Usulan",
    en: "Proposal",
};
pub const PROPOSALS: Text = Text {
    id: "Jumlah usulan: ",
    en: "Proposals: ",
};
pub const PROPOSALS_2: Text = Text {
    id: "Usulan",
    en: "Proposals",
};
pub const PROPOSALS_AND_TRACKER: Text = Text {
    id: "daftar dan pelacak usulan",
    en: "proposals and tracker",
};
pub const PROPOSALS_OF_WOMEN_CHILDREN_PEOPLE_WITH_DISABILITIES: Text = Text { id: "Usulan perempuan, anak, penyandang disabilitas dan kelompok rentan, dan sampai di mana setiap usulan dalam perencanaan dan anggaran: ", en: "Proposals of women, children, people with disabilities and vulnerable groups, and how far each has come in planning and the budget: " };
pub const PROPOSALS_OF_WOMEN_CHILDREN_PEOPLE_WITH_DISABILITIES_2: Text = Text { id: "Usulan perempuan, anak, penyandang disabilitas dan kelompok rentan dari forum Musrena Keren, dan sampai di mana setiap usulan dalam perencanaan dan anggaran daerah.", en: "Proposals of women, children, people with disabilities and vulnerable groups from the Musrena Keren forums, and how far each has come in the regency's planning and budget." };
pub const PROPOSALS_UPDATED: Text = Text {
    id: "Usulan yang diperbarui: ",
    en: "Proposals updated: ",
};
pub const PROPOSAL_PAGES: Text = Text {
    id: "Halaman usulan",
    en: "Proposal pages",
};
pub const PROPOSAL_SAVED_ITS_TRACKING_CODE: Text = Text {
    id: "Usulan disimpan. Kode pelacakannya: ",
    en: "Proposal saved. Its tracking code: ",
};
pub const PROPOSED: Text = Text {
    id: "Diusulkan",
    en: "Proposed",
};
pub const PROPOSED_ACTIVITY: Text = Text {
    id: "Kegiatan yang diusulkan",
    en: "Proposed activity",
};
pub const PROPOSED_BY: Text = Text {
    id: "Pengusul",
    en: "Proposed by",
};
pub const PROPOSING_GROUP: Text = Text {
    id: "Kelompok pengusul",
    en: "Proposing group",
};
pub const PROPOSING_GROUPS: Text = Text {
    id: "Kelompok pengusul",
    en: "Proposing groups",
};
pub const PROVISIONAL: Text = Text {
    id: "Sementara",
    en: "Provisional",
};
pub const PROVISIONAL_PREVIEW_OF_THE_CURRENT_MONTH: Text = Text {
    id: "Pratinjau sementara bulan berjalan",
    en: "Provisional preview of the current month",
};
pub const PROVISIONAL_THIS_MONTH_HAS_NOT_ENDED_THE: Text = Text { id: "Sementara: bulan ini belum berakhir. Angka di bawah mengikuti tanggapan sejauh ini dan masih berubah; TPP dihitung resmi setelah bulannya selesai.", en: "Provisional: this month has not ended. The figures below follow the responses so far and will still change; TPP is computed officially once the month is over." };
pub const PROVISIONAL_THIS_MONTH_HAS_NOT_ENDED_THESE: Text = Text { id: "Sementara: bulan ini belum berakhir. Angka ini berubah setiap ada tanggapan baru, tidak disimpan, dan tidak dapat diperiksa, disetujui atau dibayarkan.", en: "Provisional: this month has not ended. These figures change with every new response, are not stored, and cannot be reviewed, approved or paid." };
pub const PROVISIONAL_TOTAL: Text = Text {
    id: "Jumlah sementara: ",
    en: "Provisional total: ",
};
pub const PROVISIONAL_TPP_PREVIEW: Text = Text {
    id: "Pratinjau sementara TPP",
    en: "Provisional TPP preview",
};
pub const PSYCHOSOCIAL_DISABILITY: Text = Text {
    id: "Disabilitas mental",
    en: "Psychosocial disability",
};
pub const PUBLIC_KEY: Text = Text {
    id: "Kunci publik",
    en: "Public key",
};
pub const PUBLIC_PAGE: Text = Text {
    id: "Halaman publik",
    en: "Public page",
};
pub const QR_POSTER: Text = Text {
    id: "Poster QR",
    en: "QR poster",
};
pub const QR_POSTER_2: Text = Text {
    id: "poster QR: ",
    en: "QR poster: ",
};
pub const QUARANTINE: Text = Text {
    id: "Karantina",
    en: "Quarantine",
};
pub const RANK: Text = Text {
    id: "Peringkat",
    en: "Rank",
};
pub const RANKING: Text = Text {
    id: "Peringkat",
    en: "Ranking",
};
pub const RATINGS_THE_PROOF_BELOW_CAN_BE_CHECKED: Text = Text { id: " penilaian. Bukti di bawah ini dapat diperiksa siapa saja dengan kunci publik di halaman transparansi.", en: " ratings. The proof below can be checked by anyone with the public key on the transparency page." };
pub const REACHES: Text = Text {
    id: " mencapai ",
    en: " reaches ",
};
pub const REASON: Text = Text {
    id: "Alasan: ",
    en: "Reason: ",
};
pub const REASON_2: Text = Text {
    id: "Alasan",
    en: "Reason",
};
pub const REASON_FOR_THE_APPEAL: Text = Text {
    id: "Alasan keberatan",
    en: "Reason for the appeal",
};
pub const REASON_FOR_THE_DECISION: Text = Text {
    id: "Alasan keputusan",
    en: "Reason for the decision",
};
pub const REASON_REQUIRED_ONE_FOR_ALL: Text = Text {
    id: "Alasan (wajib, satu untuk semua)",
    en: "Reason (required, one for all)",
};
pub const RECEIPT: Text = Text {
    id: "Tanda terima",
    en: "Receipt",
};
pub const RECEIPT_NUMBER: Text = Text {
    id: "Nomor bukti ",
    en: "Receipt number ",
};
pub const RECEIPT_NUMBER_SKM: Text = Text {
    id: "Nomor bukti (SKM-…)",
    en: "Receipt number (SKM-…)",
};
pub const RECEIVED_LOCAL_TIME: Text = Text {
    id: "Diterima (waktu setempat)",
    en: "Received (local time)",
};
pub const RECOMPUTE_AS_A_NEW_VERSION: Text = Text {
    id: "Hitung ulang sebagai versi baru",
    en: "Recompute as a new version",
};
pub const RECOMPUTE_THE_DRAFT: Text = Text {
    id: "Hitung ulang draf",
    en: "Recompute the draft",
};
pub const RECORD_A_NEW_FORUM: Text = Text {
    id: "Catat forum baru",
    en: "Record a new forum",
};
pub const REGENCY: Text = Text {
    id: "Kabupaten",
    en: "Regency",
};
pub const REGENCY_LEVEL: Text = Text {
    id: "Tingkat kabupaten",
    en: "Regency level",
};
pub const REGENCY_MUSRENBANG: Text = Text {
    id: "Musrenbang kabupaten",
    en: "Regency musrenbang",
};
pub const REGISTERED: Text = Text {
    id: "Didaftarkan",
    en: "Registered",
};
pub const REGISTERED_KIOSKS: Text = Text {
    id: "Kios terdaftar",
    en: "Registered kiosks",
};
pub const REGISTER_AS_KIOSK_AND_SIGN_OUT: Text = Text {
    id: "Daftarkan sebagai kios dan keluar",
    en: "Register as kiosk and sign out",
};
pub const REGISTER_THIS_TABLET: Text = Text {
    id: "Daftarkan tablet ini",
    en: "Register this tablet",
};
pub const REJECT: Text = Text {
    id: "Tolak…",
    en: "Reject…",
};
pub const REJECTED: Text = Text {
    id: "Ditolak",
    en: "Rejected",
};
pub const REJECT_2: Text = Text {
    id: "Tolak",
    en: "Reject",
};
pub const REJECT_3: Text = Text {
    id: "tolak",
    en: "reject",
};
pub const REJECT_THESE_PROPOSALS: Text = Text {
    id: "Tolak usulan ini?",
    en: "Reject these proposals?",
};
pub const REPEATED_ALL_SAME_ANSWERS: Text = Text {
    id: "Jawaban seragam berulang",
    en: "Repeated all-same answers",
};
pub const REPEATED_DEVICE: Text = Text {
    id: "Perangkat berulang",
    en: "Repeated device",
};
pub const REPEAT_THE_NEW_PASSWORD: Text = Text {
    id: "Ulangi kata sandi baru",
    en: "Repeat the new password",
};
pub const RESET_PASSWORD: Text = Text {
    id: "Atur ulang kata sandi",
    en: "Reset password",
};
pub const RESPONSE: Text = Text {
    id: "Tanggapan",
    en: "Response",
};
pub const RESPONSES: Text = Text {
    id: "Tanggapan",
    en: "Responses",
};
pub const RESPONSES_2: Text = Text {
    id: "tanggapan",
    en: "responses",
};
pub const RESPONSES_3: Text = Text {
    id: " tanggapan:",
    en: " responses:",
};
pub const RESPONSES_COUNTED: Text = Text {
    id: "Tanggapan yang dihitung",
    en: "Responses counted",
};
pub const RESPONSES_HELD_IN_QUARANTINE_OR_SET_ASIDE: Text = Text {
    id: ". Tanggapan dalam karantina atau yang keberatannya dikabulkan tidak dihitung.",
    en: ". Responses held in quarantine or set aside on appeal do not count.",
};
pub const RESPONSES_HERE_WERE_HELD_BACK_BY_THE: Text = Text { id: "Tanggapan di sini ditahan oleh aturan kewajaran dan belum dihitung. Terima bila wajar (misalnya dicocokkan dengan catatan loket), tolak bila tidak; keduanya wajib beralasan dan tercatat di log audit.", en: "Responses here were held back by the anomaly rules and do not count yet. Accept one when it checks out (say, against the counter's log), reject it otherwise; both need a reason and go into the audit log." };
pub const RESPONSES_IKM: Text = Text {
    id: "tanggapan, IKM ",
    en: "responses, IKM ",
};
pub const RESPONSES_IN_THE_LOG: Text = Text {
    id: "Tanggapan dalam log",
    en: "Responses in the log",
};
pub const RESPONSES_NAMED_YOU: Text = Text {
    id: " tanggapan menyebut Anda; ",
    en: " responses named you; ",
};
pub const RESPONSES_NAMING_THIS_OFFICER: Text = Text {
    id: "tanggapan yang menyebut pegawai ini",
    en: "responses naming this officer",
};
pub const RESPONSES_NAMING_THIS_OFFICER_2: Text = Text {
    id: "Tanggapan yang menyebut pegawai ini",
    en: "Responses naming this officer",
};
pub const RESPONSES_THAT_COUNT_FOR_TPP_NAMED_YOU: Text = Text {
    id: "tanggapan yang dihitung untuk TPP menyebut Anda; IKM Anda dari tanggapan itu ",
    en: "responses that count for TPP named you; your IKM from them ",
};
pub const RESPONSES_THAT_COUNT_FOR_TPP_TPP_CAN: Text = Text {
    id: " tanggapan yang dihitung untuk TPP; TPP baru dapat dikurangi bila ada sedikitnya ",
    en: " responses that count for TPP; TPP can only be reduced with at least ",
};
pub const RESPONSE_QUARANTINE: Text = Text {
    id: "Karantina tanggapan",
    en: "Response quarantine",
};
pub const REVIEWED: Text = Text {
    id: "sudah diperiksa",
    en: "reviewed",
};
pub const REVOKE: Text = Text {
    id: "Cabut…",
    en: "Revoke…",
};
pub const REVOKED: Text = Text {
    id: "dicabut ",
    en: "revoked ",
};
pub const REVOKE_KIOSK: Text = Text {
    id: "Cabut kios ",
    en: "Revoke kiosk ",
};
pub const REVOKE_THIS_KIOSK: Text = Text {
    id: "Cabut kios ini?",
    en: "Revoke this kiosk?",
};
pub const ROLE: Text = Text {
    id: "Peran",
    en: "Role",
};
pub const ROUNDED_DOWN_TO_WHOLE_RUPIAH_THIS_IS: Text = Text {
    id: "Dibulatkan ke bawah ke rupiah penuh. Jumlah ini sama dengan yang diekspor untuk BPKAD.",
    en: "Rounded down to whole rupiah. This is the amount exported for BPKAD.",
};
pub const ROUNDED_TO: Text = Text {
    id: "Dibulatkan ke ",
    en: "Rounded to ",
};
pub const ROWS_TO_FIX: Text = Text {
    id: "Baris yang perlu diperbaiki",
    en: "Rows to fix",
};
pub const ROWS_UNCHANGED: Text = Text {
    id: "baris tidak berubah.",
    en: "rows unchanged.",
};
pub const RULE: Text = Text {
    id: "Aturan",
    en: "Rule",
};
pub const RUN: Text = Text {
    id: "Perhitungan ",
    en: "Run ",
};
pub const RUNS: Text = Text {
    id: "Perhitungan",
    en: "Runs",
};
pub const RUN_2: Text = Text {
    id: "Perhitungan",
    en: "Run",
};
pub const SAMPLE_NEEDED: Text = Text {
    id: "Sampel minimal",
    en: "Sample needed",
};
pub const SAMPLE_NEEDED_2: Text = Text {
    id: "sampel minimal",
    en: "sample needed",
};
pub const SAMPLE_NEEDED_KREJCIE_MORGAN_1970_FROM_THE: Text = Text { id: "Sampel minimal: Krejcie & Morgan (1970) dari perkiraan pengguna layanan per bulan, untuk bulan yang sudah berjalan.", en: "Sample needed: Krejcie & Morgan (1970) from the estimated service users per month, for the months so far." };
pub const SATISFACTION_COMPONENT: Text = Text {
    id: "Komponen kepuasan",
    en: "Satisfaction component",
};
pub const SATISFACTION_SURVEY: Text = Text {
    id: "Survei kepuasan: ",
    en: "Satisfaction survey: ",
};
pub const SAVE: Text = Text {
    id: "Simpan",
    en: "Save",
};
pub const SAVED_BY: Text = Text {
    id: "Disimpan oleh",
    en: "Saved by",
};
pub const SAVED_IN_FORCE_FROM: Text = Text {
    id: "tersimpan, berlaku mulai",
    en: "saved, in force from",
};
pub const SAVE_A_NEW_VERSION: Text = Text {
    id: "Simpan versi baru",
    en: "Save a new version",
};
pub const SAVE_SCORES_AND_VOTES: Text = Text {
    id: "Simpan nilai dan suara",
    en: "Save scores and votes",
};
pub const SAVE_THE_FORUM: Text = Text {
    id: "Simpan forum",
    en: "Save the forum",
};
pub const SAVE_THE_PROPOSAL: Text = Text {
    id: "Simpan usulan",
    en: "Save the proposal",
};
pub const SCAN_THE_QR_CODE_OR_OPEN: Text = Text {
    id: "Pindai kode QR atau buka ",
    en: "Scan the QR code or open ",
};
pub const SCORE: Text = Text {
    id: "Nilai",
    en: "Score",
};
pub const SCORE_PER_ELEMENT_NRR_1_4: Text = Text {
    id: "Nilai per unsur (NRR, 1–4)",
    en: "Score per element (NRR, 1–4)",
};
pub const SEARCH: Text = Text {
    id: "Cari",
    en: "Search",
};
pub const SECTOR: Text = Text {
    id: "Sektor",
    en: "Sector",
};
pub const SELECT: Text = Text {
    id: "Pilih",
    en: "Select",
};
pub const SERVICE: Text = Text {
    id: "Layanan",
    en: "Service",
};
pub const SERVICES: Text = Text {
    id: "Jenis layanan",
    en: "Services",
};
pub const SERVICE_HOURS: Text = Text {
    id: "Jam layanan: ",
    en: "Service hours: ",
};
pub const SERVICE_JUST_GIVEN: Text = Text {
    id: "Layanan yang baru diberikan",
    en: "Service just given",
};
pub const SERVICE_POINT: Text = Text {
    id: "Titik layanan",
    en: "Service point",
};
pub const SERVICE_POINTS: Text = Text {
    id: "Titik layanan",
    en: "Service points",
};
pub const SEX: Text = Text {
    id: "Jenis kelamin",
    en: "Sex",
};
pub const SHARE_OF_PROPOSALS_BUDGETED_OF_THOSE_MADE: Text = Text {
    id: "Persentase usulan yang dianggarkan dari yang diajukan; angka lengkap di tabel.",
    en: "Share of proposals budgeted of those made; full figures in the table.",
};
pub const SHARE_OF_PROPOSALS_BUDGETED_PER_GROUP: Text = Text {
    id: "Persentase usulan yang dianggarkan, per kelompok",
    en: "Share of proposals budgeted, per group",
};
pub const SHORT: Text = Text {
    id: "kurang",
    en: "short",
};
pub const SHOW: Text = Text {
    id: "Tampilkan",
    en: "Show",
};
pub const SIGN_IN: Text = Text {
    id: "Masuk",
    en: "Sign in",
};
pub const SIGN_LANGUAGE_INTERPRETER: Text = Text {
    id: "Juru bahasa isyarat",
    en: "Sign-language interpreter",
};
pub const SIGN_OUT: Text = Text {
    id: "Keluar",
    en: "Sign out",
};
pub const SKM_RESPONSES: Text = Text {
    id: "Tanggapan SKM",
    en: "SKM responses",
};
pub const SKM_RESULTS_IN_THE_OPEN: Text = Text {
    id: "Transparansi hasil SKM",
    en: "SKM results in the open",
};
pub const SOCIAL: Text = Text {
    id: "Sosial",
    en: "Social",
};
pub const SOMEONE_ELSE_CHANGED_THE_RUN_S_STATE: Text = Text {
    id: "Status perhitungan sudah diubah orang lain. Muat ulang halaman.",
    en: "Someone else changed the run's state. Reload the page.",
};
pub const SOME_OF_THE_RESPONSES_WERE_DECIDED_BY: Text = Text { id: "Sebagian tanggapan sudah diputuskan orang lain; tidak ada yang diubah. Periksa daftar lalu ulangi.", en: "Some of the responses were decided by someone else; nothing was changed. Check the list and try again." };
pub const SOURCE_NETWORK_CODE: Text = Text {
    id: "Sumber (kode jaringan)",
    en: "Source (network code)",
};
pub const SPREADSHEET_XLSX: Text = Text {
    id: "lembar kerja (xlsx)",
    en: "spreadsheet (xlsx)",
};
pub const STAFF: Text = Text {
    id: "Petugas",
    en: "Staff",
};
pub const STAFF_MENU: Text = Text {
    id: "Menu staf",
    en: "Staff menu",
};
pub const STAFF_SIGN_IN: Text = Text {
    id: "Masuk staf",
    en: "Staff sign-in",
};
pub const STAFF_SIGN_IN_OPEN_SURVEY_KIOSKS_IN: Text = Text { id: "Petugas: masuk, buka Kios survei di menu staf, lalu daftarkan tablet ini untuk titik layanan ini. Warga dapat mengisi survei lewat kode QR di loket.", en: "Staff: sign in, open Survey kiosks in the staff menu and register this tablet for this service point. Citizens can answer through the QR code at the counter." };
pub const STAGE: Text = Text {
    id: "Tahap",
    en: "Stage",
};
pub const START_AGAIN: Text = Text {
    id: "Isi lagi",
    en: "Start again",
};
pub const STATE: Text = Text {
    id: "Status",
    en: "State",
};
pub const STATE_NOW: Text = Text {
    id: "Status kini:",
    en: "State now:",
};
pub const STATISTICS: Text = Text {
    id: "statistik",
    en: "statistics",
};
pub const STATISTICS_PER_GROUP_AND_DISTRICT: Text = Text {
    id: "Statistik per kelompok dan kecamatan",
    en: "Statistics per group and district",
};
pub const STATUS: Text = Text {
    id: "Status",
    en: "Status",
};
pub const STATUS_2: Text = Text {
    id: "Keterangan",
    en: "Status",
};
pub const STEP: Text = Text {
    id: "Langkah",
    en: "Step",
};
pub const STEP_FREE_ACCESS_RAMPS: Text = Text {
    id: "Akses tanpa tangga (bidang landai)",
    en: "Step-free access (ramps)",
};
pub const SUBMITTED: Text = Text {
    id: "Diajukan",
    en: "Submitted",
};
pub const SUBMITTED_AT_THE_FORUM: Text = Text {
    id: "Diajukan di forum",
    en: "Submitted at the forum",
};
pub const SUB_UNITS: Text = Text {
    id: "Sub-unit",
    en: "Sub-units",
};
pub const SUGGESTION: Text = Text {
    id: "Saran",
    en: "Suggestion",
};
pub const SURVEY_KIOSKS: Text = Text {
    id: "Kios survei",
    en: "Survey kiosks",
};
pub const SURVEY_RESULTS: Text = Text {
    id: "Hasil survei",
    en: "Survey results",
};
pub const SURVEY_TICKETS: Text = Text {
    id: "Tiket survei",
    en: "Survey tickets",
};
pub const SURVEY_TICKET_QR_CODE: Text = Text {
    id: "Kode QR tiket survei",
    en: "Survey ticket QR code",
};
pub const FORM_FROM_ANOTHER_SITE: Text = Text {
    id: "Formulir dari situs lain",
    en: "A form from another site",
};
pub const RATINGS_ONLY_FROM_THIS_SITES_FORM: Text = Text {
    id: "Penilaian hanya diterima dari formulir survei di situs ini. Buka survei dari tautan atau kode QR layanan Anda.",
    en: "Ratings are accepted only from the survey form on this site. Open the survey from your service's link or QR code.",
};
pub const THANK_YOU: Text = Text {
    id: "Terima kasih!",
    en: "Thank you!",
};
pub const THAT_KIOSK_HAS_BEEN_REVOKED_ALREADY: Text = Text {
    id: "Kios itu sudah dicabut.",
    en: "That kiosk has been revoked already.",
};
pub const THAT_RESPONSE_DOES_NOT_NAME_YOU: Text = Text {
    id: "Tanggapan itu tidak menyebut Anda.",
    en: "That response does not name you.",
};
pub const THAT_TABLET_CAN_NO_LONGER_SEND_KIOSK: Text = Text { id: "Tablet itu tidak lagi dapat mengirim tanggapan kios, dan pencabutan tidak dapat dibatalkan: untuk memakainya lagi, daftarkan tablet itu sebagai kios baru.", en: "That tablet can no longer send kiosk responses, and revoking cannot be undone: to use it again, register the tablet as a new kiosk." };
pub const THERE_IS_A_PROBLEM: Text = Text {
    id: "Ada masalah",
    en: "There is a problem",
};
pub const THE_APPROVER_MUST_BE_SOMEONE_OTHER_THAN: Text = Text {
    id: "Yang menyetujui harus orang lain daripada yang menghitung (",
    en: "The approver must be someone other than who computed it (",
};
pub const THE_CHECK_PASSED_NOTHING_HAS_BEEN_IMPORTED: Text = Text {
    id: "Pemeriksaan lolos. Belum ada yang diimpor.",
    en: "The check passed. Nothing has been imported yet.",
};
pub const THE_CONNECTION_IS_DOWN_YOUR_ANSWERS_ARE: Text = Text { id: "Koneksi sedang terputus: penilaian Anda tersimpan di tablet ini dan akan terkirim otomatis.", en: "The connection is down: your answers are saved on this tablet and will be sent automatically." };
pub const THE_CURRENT_PASSWORD_IS_WRONG: Text = Text {
    id: "Kata sandi sekarang salah.",
    en: "The current password is wrong.",
};
pub const THE_DATE_IS_NOT_VALID: Text = Text {
    id: "Tanggal tidak valid.",
    en: "The date is not valid.",
};
pub const THE_EVIDENCE_IS_NOT_ENOUGH_SO_YOUR: Text = Text {
    id: "Bukti belum cukup, jadi komponen kepuasan Anda 100%.",
    en: "The evidence is not enough, so your satisfaction component is 100%.",
};
pub const THE_FORM_EXPIRED_OR_COOKIES_ARE_BLOCKED: Text = Text {
    id: "Formulir kedaluwarsa atau cookie diblokir. Coba masuk lagi.",
    en: "The form expired or cookies are blocked. Try signing in again.",
};
pub const THE_FORUM_CANNOT_BE_SAVED_YET: Text = Text {
    id: "Forum belum dapat disimpan",
    en: "The forum cannot be saved yet",
};
pub const THE_HASH_CHAIN_S_HEAD_NOW: Text = Text {
    id: "Kepala rantai hash saat ini: ",
    en: "The hash chain's head now: ",
};
pub const THE_HOME_PAGE: Text = Text {
    id: "halaman depan",
    en: "the home page",
};
pub const THE_LATEST_SIGNED_LOG_HOLDS: Text = Text {
    id: "Log yang ditandatangani terakhir memuat ",
    en: "The latest signed log holds ",
};
pub const THE_NEW_PASSWORD_AND_ITS_REPETITION_DIFFER: Text = Text {
    id: "Kata sandi baru dan ulangannya berbeda.",
    en: "The new password and its repetition differ.",
};
pub const THE_NEW_PASSWORD_NEEDS_AT_LEAST_12: Text = Text {
    id: "Kata sandi baru minimal 12 karakter, 5 di antaranya berbeda.",
    en: "The new password needs at least 12 characters, 5 of them different.",
};
pub const THE_NEXT_SIGNATURE_OF_THE_LOG_WITHIN: Text = Text { id: "Tanda tangan log berikutnya, dalam beberapa detik, akan memuatnya; muat ulang halaman ini untuk buktinya.", en: "The next signature of the log, within seconds, will hold it; reload this page for its proof." };
pub const THE_OFFICIAL_RUN_CAN_BE_COMPUTED_FROM: Text = Text {
    id: "Perhitungan resmi dapat dibuat mulai tanggal 1 bulan berikutnya.",
    en: "The official run can be computed from the 1st of the next month.",
};
pub const WHOEVER_KEPT_AN_EARLIER_HEAD_CAN_CHECK: Text = Text {
    id: "Siapa pun yang menyimpan kepala log sebelumnya dapat memeriksa bahwa log hanya bertambah, tidak pernah diubah: lihat ",
    en: "Anyone who kept an earlier head can check that the log only grew and was never changed: see ",
};
pub const EVERY_SIGNED_HEAD: Text = Text {
    id: "semua kepala log yang ditandatangani",
    en: "every signed head",
};
pub const AND: Text = Text {
    id: " dan ",
    en: " and ",
};
pub const THE_PROOF_THAT_THE_LATEST_EXTENDS_THE_ONE_BEFORE: Text = Text {
    id: "bukti bahwa kepala terbaru melanjutkan kepala sebelumnya",
    en: "the proof that the latest head extends the one before",
};
pub const A_NEW_VERSION_IS_BEING_PREPARED: Text = Text {
    id: "BPKAD sedang menyiapkan versi baru perhitungan bulan ini. Yang tampil di sini adalah versi yang berlaku sampai versi baru itu disetujui.",
    en: "BPKAD is preparing a new version of this month's run. What shows here is the version in force until the new one is approved.",
};
pub const TPP_NOT_COMPUTED_YET: Text = Text {
    id: "TPP bulan itu belum dihitung",
    en: "That month's TPP is not computed yet",
};
pub const A_MONTH_IS_COMPUTED_AFTER_IT_ENDS: Text = Text {
    id: "BPKAD menghitung TPP suatu bulan di halaman TPP setelah bulan itu berakhir. Untuk bulan yang sedang berjalan, halaman TPP menampilkan pratinjau sementara.",
    en: "BPKAD computes a month's TPP on the TPP page once the month has ended. For the month under way, the TPP page shows a provisional preview.",
};
pub const TO_THE_TPP_PAGE: Text = Text {
    id: "Ke halaman TPP",
    en: "To the TPP page",
};
pub const THE_PHOTO_HAS_TOO_MANY_PIXELS: Text = Text {
    id: "Foto terlalu besar ({} × {} piksel). Kirim foto paling besar 25 megapiksel, misalnya foto kamera ponsel biasa.",
    en: "The photo is too large ({} × {} pixels). Send a photo of at most 25 megapixels, such as an ordinary phone camera photo.",
};
pub const THE_PHOTO_COULD_NOT_BE_READ_SEND: Text = Text {
    id: "Foto tidak dapat dibaca; kirim foto lain.",
    en: "The photo could not be read; send another one.",
};
pub const THE_PHOTO_IS_LARGER_THAN_5_MB: Text = Text {
    id: "Foto lebih dari 5 MB.",
    en: "The photo is larger than 5 MB.",
};
pub const THE_PHOTO_MUST_BE_JPEG_PNG_OR: Text = Text {
    id: "Foto harus JPEG, PNG atau WebP.",
    en: "The photo must be JPEG, PNG or WebP.",
};
pub const THE_PLAN_WAS_NOT_SAVED: Text = Text {
    id: "Rencana belum disimpan",
    en: "The plan was not saved",
};
pub const THE_POLICY_CANNOT_BE_SAVED_YET: Text = Text {
    id: "Kebijakan belum dapat disimpan:",
    en: "The policy cannot be saved yet:",
};
pub const THE_POLICY_S_RULE: Text = Text {
    id: "Aturan kebijakan",
    en: "The policy's rule",
};
pub const THE_PUBLIC_SATISFACTION_INDEX_IKM_OF_EVERY: Text = Text { id: "Indeks Kepuasan Masyarakat (IKM) setiap unit layanan tahun ini, tiga bulan terakhir, dan rencana tindak lanjut atas unsur yang masih lemah.", en: "The public satisfaction index (IKM) of every service unit this year, the last three months, and the follow-up plans for the elements still weak." };
pub const THE_RANGE_COMES_FROM_THE_SPREAD_OF: Text = Text { id: "Rentang dihitung dari sebaran jawaban per tanggapan di unit Anda dan bobot penggabungan; dibulatkan ke atas ke 0,01.", en: "The range comes from the spread of per-response answers in your unit and the blend's weights; rounded up to 0.01." };
pub const THE_SAME_FOR_MACHINES_TO_CHECK_JSON: Text = Text {
    id: "Data yang sama untuk diperiksa mesin (JSON)",
    en: "The same for machines to check (JSON)",
};
pub const THE_SCORE: Text = Text {
    id: "Nilai ",
    en: "The score ",
};
pub const THE_SERVER_IS_BUSY_TRY_AGAIN_IN: Text = Text {
    id: "Server sedang sibuk; coba lagi sebentar lagi.",
    en: "The server is busy; try again in a moment.",
};
pub const THE_SERVER_IS_HANDLING_MANY_SIGN_INS: Text = Text {
    id: "Server sedang melayani banyak permintaan masuk. Coba lagi sebentar lagi.",
    en: "The server is handling many sign-ins. Try again in a moment.",
};
pub const THE_STEP_WAS_NOT_APPLIED: Text = Text {
    id: "Langkah tidak diterapkan",
    en: "The step was not applied",
};
pub const THE_TRACKING_PAGE: Text = Text {
    id: "halaman pelacakan",
    en: "the tracking page",
};
pub const THE_UNIT_S_IKM_OVER_THE_SAME: Text = Text {
    id: "IKM unit pada periode yang sama:",
    en: "The unit's IKM over the same period:",
};
pub const THE_UNIT_S_SCORE: Text = Text {
    id: "Nilai unit: ",
    en: "The unit's score: ",
};
pub const THE_WHOLE_SIGNED_HEAD_FOR_MACHINES_TO: Text = Text {
    id: "Kepala bertanda tangan, utuh (untuk diperiksa mesin)",
    en: "The whole signed head (for machines to check)",
};
pub const THIS_APPEAL_HAS_BEEN_DECIDED_ALREADY_DECISIONS: Text = Text {
    id: "Keberatan ini sudah diputuskan; keputusan bersifat final.",
    en: "This appeal has been decided already; decisions are final.",
};
pub const THIS_DECISION_IS_FINAL_AND_GOES_INTO: Text = Text {
    id: "Keputusan ini final dan tercatat di log audit.",
    en: "This decision is final and goes into the audit log.",
};
pub const THIS_DECISION_IS_FINAL_THE_RESPONSE_NO: Text = Text { id: "Keputusan ini final. Tanggapan itu tidak lagi dihitung untuk TPP pegawai mulai perhitungan berikutnya; SKM yang diumumkan tidak berubah.", en: "This decision is final. The response no longer counts for the officer's TPP from the next run on; the published SKM does not change." };
pub const THIS_DECISION_IS_FINAL_THE_RESPONSE_STILL: Text = Text {
    id: "Keputusan ini final. Tanggapan itu tetap dihitung untuk TPP pegawai.",
    en: "This decision is final. The response still counts for the officer's TPP.",
};
pub const THIS_MONTH_YOUR_UNIT_HAD: Text = Text {
    id: "Bulan ini unit Anda punya ",
    en: "This month your unit had ",
};
pub const THIS_OFFICER_WAS_NOT_ON_THE_STAFF: Text = Text {
    id:
        "Pegawai ini tidak tercatat bekerja pada akhir bulan itu, sehingga tidak masuk perhitungan.",
    en: "This officer was not on the staff at the end of that month and is not in the run.",
};
pub const THIS_PAGE_IS_FOR_REGIONAL_GOVERNMENT_STAFF: Text = Text { id: "Halaman ini untuk pegawai pemerintah daerah. Warga tidak perlu masuk untuk mengisi survei.", en: "This page is for regional government staff. Citizens need no account to fill in the survey." };
pub const THIS_POLICY_HAS_NO_EVIDENCE_RULE_THE: Text = Text {
    id: "Kebijakan ini tidak memakai aturan bukti: nilai di atas langsung dipakai.",
    en: "This policy has no evidence rule: the score above is used as it is.",
};
pub const THIS_RESPONSE_HAS_BEEN_APPEALED_ALREADY: Text = Text {
    id: "Tanggapan ini sudah diajukan keberatan.",
    en: "This response has been appealed already.",
};
pub const THIS_TABLET_IS_NOT_A_KIOSK_YET: Text = Text {
    id: "Tablet ini belum menjadi kios",
    en: "This tablet is not a kiosk yet",
};
pub const THIS_TABLET_IS_THE_KIOSK: Text = Text {
    id: "Tablet ini adalah kios ",
    en: "This tablet is the kiosk ",
};
pub const THIS_TICKET_HAS_EXPIRED_YOU_CAN_STILL: Text = Text { id: "Masa berlaku tiket ini sudah habis. Anda tetap bisa mengisi survei umum dari halaman depan.", en: "This ticket has expired. You can still fill in the general survey from the home page." };
pub const THOSE_OF_THE_LAST_SEVEN_DAYS_ARE: Text = Text {
    id: "kepala tujuh hari terakhir ada di ",
    en: "those of the last seven days are on ",
};
pub const TICKET: Text = Text {
    id: "Tiket",
    en: "Ticket",
};
pub const TICKETS_ONLY: Text = Text {
    id: "tiket saja",
    en: "tickets only",
};
pub const TICKET_ALREADY_USED: Text = Text {
    id: "Tiket sudah dipakai",
    en: "Ticket already used",
};
pub const TICKET_ANSWERED_AT_THE_COUNTER: Text = Text {
    id: "Tiket dijawab di loket",
    en: "Ticket answered at the counter",
};
pub const TICKET_EXPIRED: Text = Text {
    id: "Tiket kedaluwarsa",
    en: "Ticket expired",
};
pub const TICK_THE_RESPONSES_TO_DECIDE_OR_CHOOSE: Text = Text {
    id: "Centang tanggapan yang diputuskan, atau pilih semua yang cocok.",
    en: "Tick the responses to decide, or choose every one matching.",
};
pub const TIE_BY_CODE: Text = Text {
    id: "seri; urutan kode",
    en: "tie; by code",
};
pub const TIE_FEWER_VOTES: Text = Text {
    id: "seri; suara lebih sedikit",
    en: "tie; fewer votes",
};
pub const TIE_HIGHER_COST: Text = Text {
    id: "seri; biaya lebih tinggi",
    en: "tie; higher cost",
};
pub const TIE_LOWER_CRITERIA_SCORE: Text = Text {
    id: "seri; nilai kriteria lebih rendah",
    en: "tie; lower criteria score",
};
pub const TIE_SUBMITTED_LATER: Text = Text {
    id: "seri; diajukan kemudian",
    en: "tie; submitted later",
};
pub const TIME: Text = Text {
    id: "Waktu",
    en: "Time",
};
pub const TITLE: Text = Text {
    id: "Judul usulan",
    en: "Title",
};
pub const TITLE_2: Text = Text {
    id: "Judul",
    en: "Title",
};
pub const TOTAL: Text = Text {
    id: "Jumlah",
    en: "Total",
};
pub const TO_IMPORT_CHOOSE_THE_SAME_FILES_AND: Text = Text {
    id: "Untuk mengimpor, pilih berkas yang sama lalu tekan “Periksa lalu impor”.",
    en: "To import, choose the same files and press “Check, then import”.",
};
pub const TPP_APPEALS: Text = Text {
    id: "Keberatan TPP",
    en: "TPP appeals",
};
pub const TPP_EXPLAINED_AND_APPEALS: Text = Text {
    id: "Rincian TPP dan keberatan",
    en: "TPP explained, and appeals",
};
pub const TPP_IS_COMPUTED_FROM_THIS_UPPER_END: Text = Text {
    id: ". TPP dihitung dari batas atas ini, agar keraguan menguntungkan Anda.",
    en: ". TPP is computed from this upper end, so any doubt is in your favour.",
};
pub const TPP_IS_NOT_REDUCED_FOR_SATISFACTION: Text = Text {
    id: ": TPP tidak dikurangi karena kepuasan.",
    en: ": TPP is not reduced for satisfaction.",
};
pub const TPP_MONTHLY_PAYROLL: Text = Text {
    id: "TPP: perhitungan bulanan",
    en: "TPP: monthly payroll",
};
pub const TPP_PAYROLL: Text = Text {
    id: "Perhitungan TPP",
    en: "TPP payroll",
};
pub const TPP_POLICIES: Text = Text {
    id: "Kebijakan TPP",
    en: "TPP policies",
};
pub const TRACK: Text = Text {
    id: "Lacak",
    en: "Track",
};
pub const TRACK_A_PROPOSAL_BY_ITS_CODE: Text = Text {
    id: "Lacak usulan dengan kodenya",
    en: "Track a proposal by its code",
};
pub const TRANSPORT: Text = Text {
    id: "Transportasi",
    en: "Transport",
};
pub const TREE_ROOT: Text = Text {
    id: "Akar pohon",
    en: "Tree root",
};
pub const TREND_TABLE: Text = Text {
    id: "Tabel tren",
    en: "Trend table",
};
pub const UNDER_REVIEW: Text = Text {
    id: "Sedang diperiksa",
    en: "Under review",
};
pub const UNIT: Text = Text {
    id: "Unit ",
    en: "Unit ",
};
pub const UNITS_FALL_SHORT_OF_THE_KREJCIE_MORGAN: Text = Text { id: "unit belum mencapai jumlah sampel Krejcie–Morgan bulan ini; angkanya bertumpu pada lebih sedikit tanggapan daripada yang diminta aturan survei:", en: "units fall short of the Krejcie–Morgan sample this month; their figures rest on fewer responses than the survey's rule asks for:" };
pub const UNITS_HAVE_FEWER_RESPONSES_THAN_THE_KREJCIE: Text = Text {
    id: "unit belum mencapai jumlah sampel Krejcie–Morgan untuk periode ini.",
    en: "units have fewer responses than the Krejcie–Morgan sample for this period.",
};
pub const UNITS_MATCH: Text = Text {
    id: "unit cocok dengan",
    en: "units match",
};
pub const UNIT_FOR_A_UNIT_ADMIN: Text = Text {
    id: "Unit (untuk admin unit)",
    en: "Unit (for a unit admin)",
};
pub const UNIT_OR_NIP: Text = Text {
    id: "Unit atau NIP",
    en: "Unit or NIP",
};
pub const UNKNOWN_KIND_OF_IMPORT: Text = Text {
    id: "Jenis impor tidak dikenal.",
    en: "Unknown kind of import.",
};
pub const UNKNOWN_TICKET: Text = Text {
    id: "Tiket tidak dikenal",
    en: "Unknown ticket",
};
pub const UNKNOWN_UNIT: Text = Text {
    id: "Unit tidak dikenal",
    en: "Unknown unit",
};
pub const UNPAID: Text = Text {
    id: "Tidak dibayar",
    en: "Unpaid",
};
pub const UNTIL: Text = Text {
    id: "Sampai",
    en: "Until",
};
pub const UPHELD_THE_RESPONSE_NO_LONGER_COUNTS_FOR: Text = Text {
    id: "Dikabulkan; tanggapan tidak dihitung untuk TPP mulai perhitungan berikutnya.",
    en: "Upheld; the response no longer counts for TPP from the next run on.",
};
pub const UPHOLD: Text = Text {
    id: "Kabulkan…",
    en: "Uphold…",
};
pub const UPHOLD_THIS_APPEAL: Text = Text {
    id: "Kabulkan keberatan ini?",
    en: "Uphold this appeal?",
};
pub const UPLOAD_ONE_OR_MORE_CSV_FILES_UTF: Text = Text { id: "Unggah satu atau beberapa berkas CSV (UTF-8; pemisah koma, titik koma atau tab) atau Excel (xlsx, lembar pertama), dengan judul kolom seperti di bawah atau seperti ekspor SIMPEG (NIP, NAMA, JABATAN, UNIT KERJA berupa kode atau nama unit, KELAS JABATAN, TMT JABATAN); kolom data kepegawaian yang tidak dipakai (ESELON, AGAMA, TANGGAL LAHIR…) dilewati dan disebutkan, kolom lain yang tidak dikenal ditolak. Semua baris diperiksa dulu: bila ada satu baris salah, tidak ada yang diimpor. Mengimpor berkas yang sama dua kali tidak mengubah apa pun. Data yang tidak ada di berkas tidak dihapus. Pegawai yang pindah unit atau jabatan mendapat penugasan baru mulai tanggal di kolom", en: "Upload one or more CSV files (UTF-8; comma, semicolon or tab separated) or Excel workbooks (xlsx, first sheet), headed as below or as a SIMPEG export is (NIP, NAMA, JABATAN, UNIT KERJA as a unit code or name, KELAS JABATAN, TMT JABATAN); personnel columns suara does not use (ESELON, AGAMA, TANGGAL LAHIR…) are skipped and named, other unknown columns refused. Every row is checked first: if any row is wrong, nothing is imported. Importing the same files twice changes nothing. Records missing from the files are not deleted. An officer who changes unit or position gets a new assignment from the date in the column" };
pub const USED_ONLY_WHEN_THE_POLICY_GIVES_THEM: Text = Text { id: "Hanya dipakai bila kebijakan memberinya bobot. Nilai 0–1 atau persen; baris untuk pegawai dan bulan yang sama menggantikan yang lama.", en: "Used only when the policy gives them weight. Values 0–1 or percentages; a row for the same officer and month replaces the old one." };
pub const USERNAME: Text = Text {
    id: "Nama pengguna",
    en: "Username",
};
pub const USERNAME_IS_TAKEN: Text = Text {
    id: "nama pengguna sudah dipakai",
    en: "username is taken",
};
pub const USERNAME_LOWER_CASE_LETTERS_DIGITS_DOTS_DASHES: Text = Text {
    id: "Nama pengguna (huruf kecil, angka, titik, garis)",
    en: "Username (lower-case letters, digits, dots, dashes)",
};
pub const USER_ACCOUNTS: Text = Text {
    id: "Akun pengguna",
    en: "User accounts",
};
pub const VALID_ONCE_UNTIL: Text = Text {
    id: "Berlaku satu kali, sampai ",
    en: "Valid once, until ",
};
pub const VECTOR_IMAGE_SVG: Text = Text {
    id: "gambar vektor (SVG)",
    en: "vector image (SVG)",
};
pub const VERIFIED: Text = Text {
    id: "Diverifikasi",
    en: "Verified",
};
pub const VERIFY: Text = Text {
    id: "Verifikasi",
    en: "Verify",
};
pub const VERSION: Text = Text {
    id: " versi ",
    en: " version ",
};
pub const VERSIONS_OF_THIS_MONTH: Text = Text {
    id: "Versi bulan ini: ",
    en: "Versions of this month: ",
};
pub const VERSION_2: Text = Text {
    id: "Versi",
    en: "Version",
};
pub const VERSION_3: Text = Text {
    id: "versi ",
    en: "version ",
};
pub const VILLAGE: Text = Text {
    id: "Desa",
    en: "Village",
};
pub const VILLAGE_MUSRENBANG: Text = Text {
    id: "Musrenbang desa",
    en: "Village musrenbang",
};
pub const VILLAGE_VILLAGE_FORUMS: Text = Text {
    id: "Desa/kelurahan (forum desa)",
    en: "Village (village forums)",
};
pub const VISUAL_DISABILITY: Text = Text {
    id: "Disabilitas netra",
    en: "Visual disability",
};
pub const VOTES: Text = Text {
    id: "Suara",
    en: "Votes",
};
pub const WEAKEST: Text = Text {
    id: "terlemah",
    en: "weakest",
};
pub const WEIGHTED_SATISFACTION: Text = Text {
    id: "Digabung dengan bobot: kepuasan ",
    en: "Weighted: satisfaction ",
};
pub const WEIGHT_OF_THE_UNIT_S_SCORE_K: Text = Text {
    id: "bobot nilai unit (k) ",
    en: "weight of the unit's score (k) ",
};
pub const WE_HAVE_YOUR_ANSWERS_THEY_HELP_IMPROVE: Text = Text {
    id: "Penilaian Anda sudah kami terima dan membantu memperbaiki layanan.",
    en: "We have your answers; they help improve the service.",
};
pub const WHAT_CHANGED: Text = Text {
    id: "Yang berubah",
    en: "What changed",
};
pub const WHAT_COUNTS_FOR_TPP: Text = Text {
    id: "Yang dihitung untuk TPP: ",
    en: "What counts for TPP: ",
};
pub const WHAT_IS_IT_ABOUT: Text = Text {
    id: "Ini tentang apa?",
    en: "What is it about?",
};
pub const WHAT_MAKES_THINGS_HARD_OR_SAD_FOR: Text = Text {
    id: "Apa yang membuatmu sedih atau susah?",
    en: "What makes things hard or sad for you?",
};
pub const WHAT_WOULD_YOU_LIKE_TO_ASK_FOR: Text = Text {
    id: "Apa yang ingin kamu minta?",
    en: "What would you like to ask for?",
};
pub const WHERE: Text = Text {
    id: "Di mana?",
    en: "Where?",
};
pub const WHICH_COST_YOU: Text = Text {
    id: ", dan itu mengurangi TPP Anda sebesar ",
    en: ", which cost you ",
};
pub const WHO_IS_ASKING: Text = Text {
    id: "Siapa yang mengusulkan?",
    en: "Who is asking?",
};
pub const WHY_IS_MY_TPP_WHAT_IT_IS: Text = Text {
    id: "Mengapa TPP saya sebesar ini?",
    en: "Why is my TPP what it is?",
};
pub const WOMEN: Text = Text {
    id: "Perempuan",
    en: "Women",
};
pub const WRITE_DOWN_THE_REASON: Text = Text {
    id: "Tuliskan alasannya.",
    en: "Write down the reason.",
};
pub const WRITE_DOWN_THE_REASON_FOR_THE_DECISION: Text = Text {
    id: "Tuliskan alasan keputusan.",
    en: "Write down the reason for the decision.",
};
pub const WRONG_USERNAME_OR_PASSWORD: Text = Text {
    id: "Nama pengguna atau kata sandi salah.",
    en: "Wrong username or password.",
};
pub const YES_APPROVE: Text = Text {
    id: "Ya, setujui",
    en: "Yes, approve",
};
pub const YES_DECIDE: Text = Text {
    id: "Ya, putuskan",
    en: "Yes, decide",
};
pub const YES_DISMISS: Text = Text {
    id: "Ya, tolak",
    en: "Yes, dismiss",
};
pub const YES_LOCK: Text = Text {
    id: "Ya, kunci",
    en: "Yes, lock",
};
pub const YES_REJECT: Text = Text {
    id: "Ya, tolak",
    en: "Yes, reject",
};
pub const YES_REVOKE: Text = Text {
    id: "Ya, cabut",
    en: "Yes, revoke",
};
pub const YES_UPHOLD: Text = Text {
    id: "Ya, kabulkan",
    en: "Yes, uphold",
};
pub const YOUR_OWN_SCORE: Text = Text {
    id: "Nilai Anda sendiri: ",
    en: "Your own score: ",
};
pub const YOUR_OWN_UNIT_HAD_NONE_THE_UNIT: Text = Text {
    id: "(unit Anda sendiri tidak punya tanggapan; dipakai unit di atasnya)",
    en: "(your own unit had none; the unit above it is used)",
};
pub const YOUR_POSITION_DOES_NOT_SERVE_THE_PUBLIC: Text = Text {
    id: "Jabatan Anda tidak melayani masyarakat langsung, jadi dipakai nilai unit.",
    en: "Your position does not serve the public directly, so your unit's score is used.",
};
pub const YOUR_RATING_COUNTS_IN_THE_SURVEY_RESULTS: Text = Text { id: "Penilaian Anda dihitung dalam hasil survei dan tercatat di log transparansi pada urutan ", en: "Your rating counts in the survey results and is recorded in the transparency log at position " };
pub const YOUR_RATING_IS_STORED_AND_BEING_REVIEWED: Text = Text { id: "Penilaian Anda tersimpan dan sedang diperiksa oleh Inspektorat, karena banyak penilaian datang bersamaan. Bila diterima, penilaian ini dihitung.", en: "Your rating is stored and being reviewed by the inspectorate, because many ratings arrived at once. If accepted, it counts." };
pub const YOUR_SCORE: Text = Text {
    id: "Nilai Anda",
    en: "Your score",
};
pub const YOUR_UNITS_HAVE_NO_SERVICE_POINTS_YET: Text = Text {
    id: "Unit Anda belum punya titik layanan; impor points.csv dulu.",
    en: "Your units have no service points yet; import points.csv first.",
};
pub const YOUR_UNIT_HAD_NO_RESPONSES_THAT_COUNT: Text = Text {
    id: "Unit Anda tidak punya tanggapan yang dihitung untuk TPP bulan ini.",
    en: "Your unit had no responses that count for TPP this month.",
};
pub const YOU_CANNOT_DISABLE_YOUR_OWN_ACCOUNT: Text = Text {
    id: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
    en: "You cannot disable your own account.",
};
pub const YOU_WERE: Text = Text {
    id: " Anda ",
    en: " you were ",
};
pub const YYYY_YYYY_MM_YYYY_Q1_Q4_OR: Text = Text {
    id: "TTTT, TTTT-BB, TTTT-Q1…Q4 atau TTTT-S1…S2",
    en: "YYYY, YYYY-MM, YYYY-Q1…Q4 or YYYY-S1…S2",
};
pub const USER_ACCOUNT: Text = Text {
    id: "Akun pengguna",
    en: "User account",
};
pub const API_KEY: Text = Text {
    id: "Kunci API",
    en: "API key",
};
pub const SURVEY_KIOSK: Text = Text {
    id: "Kios survei",
    en: "Survey kiosk",
};
pub const MUSRENA_FORUM: Text = Text {
    id: "Forum Musrena",
    en: "Musrena forum",
};
pub const MUSRENA_PROPOSAL: Text = Text {
    id: "Usulan Musrena",
    en: "Musrena proposal",
};
pub const HELD_RESPONSE: Text = Text {
    id: "Tanggapan yang ditahan",
    en: "Held response",
};
pub const SURVEY_TICKET: Text = Text {
    id: "Tiket survei",
    en: "Survey ticket",
};
pub const TPP_APPEAL: Text = Text {
    id: "Keberatan TPP",
    en: "TPP appeal",
};
pub const BASE_TPP_AMOUNTS: Text = Text {
    id: "TPP dasar",
    en: "Base TPP amounts",
};
pub const TPP_COMPONENTS: Text = Text {
    id: "Komponen TPP",
    en: "TPP components",
};
pub const TPP_POLICY: Text = Text {
    id: "Kebijakan TPP",
    en: "TPP policy",
};
pub const TPP_RUN: Text = Text {
    id: "Perhitungan TPP",
    en: "TPP run",
};
pub const SERVICE_UNIT: Text = Text {
    id: "Unit layanan",
    en: "Service unit",
};
pub const SERVICE_2: Text = Text {
    id: "Jenis layanan",
    en: "Service",
};
pub const CREATED: Text = Text {
    id: "dibuat",
    en: "created",
};
pub const CHANGED_2: Text = Text {
    id: "diubah",
    en: "changed",
};
pub const REPLACED: Text = Text {
    id: "diganti seluruhnya",
    en: "replaced",
};
pub const IMPORTED: Text = Text {
    id: "diimpor",
    en: "imported",
};
pub const ISSUED: Text = Text {
    id: "diterbitkan",
    en: "issued",
};
pub const REVOKED_2: Text = Text {
    id: "dicabut",
    en: "revoked",
};
pub const COMPUTED: Text = Text {
    id: "dihitung",
    en: "computed",
};
pub const REVIEWED_2: Text = Text {
    id: "diperiksa",
    en: "reviewed",
};
pub const LOCKED_2: Text = Text {
    id: "dikunci",
    en: "locked",
};
pub const FILED: Text = Text {
    id: "diajukan",
    en: "filed",
};
pub const UPHELD: Text = Text {
    id: "dikabulkan",
    en: "upheld",
};
pub const DISMISSED: Text = Text {
    id: "ditolak",
    en: "dismissed",
};
pub const ACCEPTED: Text = Text {
    id: "diterima",
    en: "accepted",
};
pub const VERIFIED_2: Text = Text {
    id: "diverifikasi",
    en: "verified",
};
pub const PRIORITIZED_2: Text = Text {
    id: "diprioritaskan",
    en: "prioritized",
};
pub const CARRIED_TO_THE_MUSRENBANG_2: Text = Text {
    id: "dibawa ke musrenbang",
    en: "carried to the musrenbang",
};
pub const REJECTED_2: Text = Text {
    id: "ditolak",
    en: "rejected",
};
pub const PASSWORD_SET: Text = Text {
    id: "kata sandi diganti",
    en: "password set",
};
pub const DISABLED_2: Text = Text {
    id: "dinonaktifkan",
    en: "disabled",
};
pub const ENABLED: Text = Text {
    id: "diaktifkan",
    en: "enabled",
};
pub const SESSIONS_ENDED: Text = Text {
    id: "sesinya diakhiri",
    en: "sessions ended",
};
pub const SUBMITTED_2: Text = Text {
    id: "diajukan",
    en: "submitted",
};
pub const RETURNED: Text = Text {
    id: "dikembalikan",
    en: "returned",
};
pub const BUDGETED_2: Text = Text {
    id: "dianggarkan",
    en: "budgeted",
};
pub const IMPLEMENTED_3: Text = Text {
    id: "dilaksanakan",
    en: "implemented",
};
pub const FORWARDED: Text = Text {
    id: "diteruskan",
    en: "forwarded",
};
pub const UNIT_2: Text = Text {
    id: "Unit",
    en: "Unit",
};
pub const NIP: Text = Text {
    id: "NIP",
    en: "NIP",
};
pub const PARENT_UNIT: Text = Text {
    id: "Unit induk",
    en: "Parent unit",
};
pub const KIND: Text = Text {
    id: "Jenis",
    en: "Kind",
};
pub const VALID_UNTIL: Text = Text {
    id: "Berlaku sampai",
    en: "Valid until",
};
pub const ISSUER: Text = Text {
    id: "Penerbit",
    en: "Issuer",
};
pub const NOTE: Text = Text {
    id: "Catatan",
    en: "Note",
};
pub const FORUM_DATE: Text = Text {
    id: "Tanggal forum",
    en: "Forum date",
};
pub const POLICY_VERSION: Text = Text {
    id: "Versi kebijakan",
    en: "Policy version",
};
pub const USERS_PER_MONTH: Text = Text {
    id: "Pengguna per bulan",
    en: "Users per month",
};
pub const SERVES_THE_PUBLIC: Text = Text {
    id: "Melayani masyarakat",
    en: "Serves the public",
};
pub const SERVICE_HOURS_2: Text = Text {
    id: "Jam layanan",
    en: "Service hours",
};
pub const UPHELD_2: Text = Text {
    id: "Dikabulkan",
    en: "Upheld",
};
pub const YES: Text = Text {
    id: "ya",
    en: "yes",
};
pub const NO: Text = Text {
    id: "tidak",
    en: "no",
};
pub const RULE_PROPORTIONAL: Text = Text {
    id: "nilai ≥ {} → 100%; di bawahnya faktor = nilai/100",
    en: "score ≥ {} → 100%; below, factor = score/100",
};
pub const RULE_LINEAR: Text = Text {
    id: "nilai ≥ {} → 100%; di bawahnya faktor = nilai/{}",
    en: "score ≥ {} → 100%; below, factor = score/{}",
};
pub const RULE_STEPS: Text = Text {
    id: "tingkatan: {}; di bawah semua tingkatan 0",
    en: "bands: {}; below every band 0",
};
pub const RUN_AWAITS_LOCK: Text = Text { id: "Perhitungan {} versi {} sudah disetujui dan menunggu dikunci. Kunci dulu, lalu hitung ulang (menjadi versi baru).", en: "The {} run (version {}) is approved and waits to be locked. Lock it first, then compute again (as a new version)." };
pub const MONTH_NOT_ENDED: Text = Text { id: "{} belum berakhir. TPP dihitung setelah bulannya selesai; sementara itu lihat pratinjau sementaranya.", en: "{} has not ended yet. TPP is computed once the month is over; meanwhile see its provisional preview." };
pub const LOG_NOT_EXTENDING: Text = Text {
    id: "TPP tidak dihitung: catatan tanggapan di basis data tidak lagi melanjutkan catatan yang sudah ditandatangani, jadi ada yang dihapus atau diubah di luar aplikasi. Tidak ada yang ditandatangani. Minta operator menjalankan pemeriksaan catatan (suara verify) dan memulihkan basis data.",
    en: "TPP was not computed: the record of responses in the database no longer extends the record already signed, so something was removed or changed outside the application. Nothing was signed. Ask the operator to run the record check (suara verify) and restore the database.",
};
pub const RUN_HISTORY_DISAGREES: Text = Text {
    id: "TPP tidak dihitung ulang: status perhitungan ini di basis data berbeda dengan catatan perubahan yang ditandatangani, jadi diubah di luar aplikasi. Perhitungan yang sudah dikunci tidak pernah dihitung ulang. Minta operator menjalankan pemeriksaan catatan (suara verify).",
    en: "TPP was not computed again: this run's state in the database differs from the signed record of changes, so it was changed outside the application. A locked run is never computed again. Ask the operator to run the record check (suara verify).",
};
pub const AUDIT_INNOVATION_IDEA: Text = Text {
    id: "Ide inovasi",
    en: "Innovation idea",
};
pub const AUDIT_WORK_PROGRESS: Text = Text {
    id: "Kemajuan pekerjaan usulan",
    en: "Progress of a proposal's work",
};
pub const AUDIT_MUSRENA_RULE: Text = Text {
    id: "Aturan Musrena",
    en: "Musrena rule",
};
pub const AUDIT_DECIDED: Text = Text {
    id: "diputuskan",
    en: "decided",
};
pub const AUDIT_EVIDENCE_ADDED: Text = Text {
    id: "bukti ditambahkan",
    en: "evidence added",
};
pub const AUDIT_PARTNER_ADDED: Text = Text {
    id: "mitra ditambahkan",
    en: "partner added",
};
pub const AUDIT_STAGE_CHANGED: Text = Text {
    id: "tahap berubah",
    en: "stage changed",
};
pub const AUDIT_STARTED: Text = Text {
    id: "mulai diterapkan",
    en: "started",
};
pub const AUDIT_RECOMMENDED: Text = Text {
    id: "direkomendasikan",
    en: "recommended",
};
pub const AUDIT_RAB_ATTACHED: Text = Text {
    id: "RAB dilampirkan",
    en: "cost breakdown attached",
};
pub const AUDIT_ASSISTED_VOTE: Text = Text {
    id: "suara dengan pendamping dicatat",
    en: "assisted vote recorded",
};
pub const AUDIT_AFFAIR: Text = Text {
    id: "Urusan",
    en: "Affair",
};
pub const AUDIT_CHANGE: Text = Text {
    id: "Perubahan yang dibawa",
    en: "Change brought",
};
pub const AUDIT_PERCENT: Text = Text {
    id: "Persentase",
    en: "Percent",
};
pub const AUDIT_PHOTO: Text = Text {
    id: "Foto",
    en: "Photo",
};
pub const AUDIT_SPENT: Text = Text {
    id: "Realisasi anggaran",
    en: "Spent",
};
pub const AUDIT_LEVELS: Text = Text {
    id: "Tingkat",
    en: "Levels",
};
pub const AUDIT_MEASURE: Text = Text {
    id: "Satuan",
    en: "Measure",
};
pub const AUDIT_UNIT_PRICE: Text = Text {
    id: "Harga satuan",
    en: "Unit price",
};
pub const AUDIT_NPWP: Text = Text {
    id: "NPWP",
    en: "Tax number (NPWP)",
};
pub const AUDIT_RANK: Text = Text {
    id: "Golongan/ruang",
    en: "Rank (golongan)",
};
pub const AUDIT_SDGS: Text = Text {
    id: "Tujuan SDGs",
    en: "SDG targets",
};
pub const AUDIT_BOUNDARY: Text = Text {
    id: "Batas wilayah",
    en: "Boundary",
};
pub const MAP_BOUNDARY_RECORDED: Text = Text {
    id: "(peta batas wilayah tercatat)",
    en: "(boundary map recorded)",
};
pub const AUDIT_GROUPS: Text = Text {
    id: "Kelompok",
    en: "Groups",
};
pub const AUDIT_DIGITAL: Text = Text {
    id: "Berbasis digital",
    en: "Digital",
};
pub const AUDIT_PROPOSALS: Text = Text {
    id: "Usulan Musrena terkait",
    en: "Related Musrena proposals",
};
pub const COLUMN_HEADERS: Text = Text {
    id: "Judul kolom",
    en: "Column headers",
};
pub const ROW: Text = Text {
    id: "Baris",
    en: "Row",
};
pub const R_UNKNOWN_COLUMN: Text = Text {
    id: "kolom tidak dikenal; kolom berkas ini: {}",
    en: "unknown column; the file's columns are {}",
};
pub const BUILT_IN_POLICY: Text = Text {
    id: "bawaan",
    en: "default",
};
pub const INPUTS_MOVED_TITLE: Text = Text {
    id: "Data yang dipakai berubah sesudah perhitungan ini",
    en: "The data this run used changed after it was computed",
};
pub const INPUTS_MOVED_BODY: Text = Text {
    id: "Misalnya pegawai pindah dengan TMT di bulan ini, keberatan diputus, tanggapan dari karantina diterima, atau versi kebijakan baru berlaku. Perhitungan ini tidak dapat ditinjau atau disetujui sebelum dihitung ulang; hasil barunya lalu ditinjau dan disetujui akun lain seperti biasa.",
    en: "For example an officer moved with a start date in this month, an appeal was decided, a held answer was accepted, or a new policy version applies. This run cannot be reviewed or approved until it is computed again; the new result is then reviewed and approved by other accounts as usual.",
};
pub const INPUTS_MOVED_NO_AMOUNT: Text = Text {
    id: "Tidak ada jumlah yang berubah; hitung ulang agar perhitungan mencatat data terbaru.",
    en: "No amount changes; compute it again so the run records the latest data.",
};
pub const INPUTS_MOVED_REFUSED: Text = Text {
    id: "Data yang dipakai perhitungan TPP {} berubah sesudah dihitung. Hitung ulang dulu, lalu tinjau dan setujui hasil barunya.",
    en: "The data the {} TPP run used changed after it was computed. Compute it again first, then review and approve the new result.",
};
pub const R_REACHES_CLOSED_MONTH: Text = Text {
    id: "{} jatuh pada atau sebelum bulan {} yang TPP-nya sudah disetujui atau dikunci dan tidak berubah lagi: pakai tanggal sesudah bulan {}",
    en: "{} reaches back into {}, whose TPP is approved or locked and never changes: give a date after {}",
};
pub const RECORDS_DISAGREE_TITLE: Text = Text {
    id: "Data berbeda dengan catatan perubahan",
    en: "The records differ from the record of changes",
};
pub const RECORDS_DISAGREE_BODY: Text = Text {
    id: "Data di basis data berbeda dengan catatan perubahan yang ditandatangani, jadi diubah di luar aplikasi. Tidak ada yang disimpan atau dibuat dari data itu, agar nilai yang diubah tidak tercatat atau dibayarkan seolah-olah sah. Minta operator menjalankan pemeriksaan catatan: pemeriksaan itu menyebut data mana yang berbeda.",
    en: "Records in the database differ from the signed record of changes, so they were changed outside the application. Nothing was saved or made from them, so that changed values are not recorded or paid as if they were genuine. Ask the operator to run the record check: it names the record that differs.",
};
pub const POLICY_VERSION_TAKEN: Text = Text {
    id: "Versi kebijakan “{}” sudah ada dengan isi lain. Simpan perubahan sebagai versi baru.",
    en: "Policy version “{}” exists with other content. Save the change as a new version.",
};
pub const UNKNOWN_NIPS: Text = Text {
    id: "NIP tidak dikenal: {}. Tidak ada yang diimpor.",
    en: "Unknown NIPs: {}. Nothing was imported.",
};
pub const FOUR_EYES_REFUSED: Text = Text { id: "Empat mata: yang menyetujui harus orang lain daripada yang menghitung ({}) dan yang memeriksa ({}). Minta rekan BPKAD lain menyetujui.", en: "Four eyes: the approver must be someone other than who computed it ({}) and who reviewed it ({}). Ask another BPKAD colleague to approve." };
pub const NO_SUCH_RUN: Text = Text {
    id: "Belum ada perhitungan TPP {} versi {}.",
    en: "There is no TPP run for {}, version {}.",
};
pub const NO_SUCH_APPEAL: Text = Text {
    id: "Keberatan itu tidak ada.",
    en: "There is no such appeal.",
};
pub const POLICY_UNREADABLE: Text = Text {
    id: "Kebijakan tidak dapat dibaca: {}",
    en: "The policy cannot be read: {}",
};
pub const ONE_TIME_PASSWORD: Text = Text {
    id: "Kata sandi sementara untuk {} (tampil sekali ini saja, sampaikan langsung): {}",
    en: "One-time password for {} (shown this once only; hand it over in person): {}",
};
pub const WAIT_SECONDS: Text = Text {
    id: "Terlalu banyak percobaan gagal dari sini. Tunggu {} detik lalu coba lagi.",
    en: "Too many failed attempts from here. Wait {} seconds and try again.",
};
pub const KIOSK_STARTS_OVER: Text = Text {
    id: "Halaman ini kembali ke awal setelah {} menit tanpa kegiatan.",
    en: "This page starts over after {} minutes without activity.",
};
pub const NO_SUCH_FORUM: Text = Text {
    id: "Forum tidak ditemukan.",
    en: "There is no such forum.",
};
pub const NO_SUCH_PROPOSAL: Text = Text {
    id: "Usulan {} tidak ditemukan.",
    en: "There is no proposal {}.",
};
pub const NOT_A_DISTRICT: Text = Text {
    id: "{} bukan kecamatan di kabupaten ini.",
    en: "{} is not a district of this regency.",
};
pub const NOT_SAVED_BY_THE_SERVER: Text = Text {
    id: "Server tidak dapat menyimpan perubahan.",
    en: "The server could not save the change.",
};
pub const STEP_NOT_ALLOWED: Text = Text {
    id: "Usulan yang sedang pada tahap “{}” tidak dapat diberi langkah “{}”.",
    en: "A proposal at the stage “{}” cannot be given the step “{}”.",
};
pub const PROPOSAL_IS_FINAL: Text = Text {
    id: "Usulan ini sudah pada tahap “{}” dan tidak berubah lagi.",
    en: "This proposal is at the stage “{}” and does not change any more.",
};
pub const REJECTION_NEEDS_A_REASON: Text = Text {
    id: "Penolakan memerlukan alasan.",
    en: "A rejection needs a reason.",
};
pub const IMPLEMENTATION_NEEDS_EVIDENCE: Text = Text {
    id: "Pelaksanaan memerlukan bukti.",
    en: "Implementation needs evidence.",
};
pub const BUDGET_MORE_THAN_ZERO: Text = Text {
    id: "Anggaran harus lebih dari nol rupiah.",
    en: "The budgeted amount must be more than zero rupiah.",
};
pub const NO_LEVEL_ABOVE: Text = Text {
    id: "Musrenbang kabupaten adalah tingkat terakhir.",
    en: "The regency musrenbang is the last level.",
};
pub const AUDIT_SEARCH: Text = Text {
    id: "Cari (nama pengguna, kode, NIP, nama atau nilai yang diubah)",
    en: "Search (username, code, NIP, name or a changed value)",
};
pub const NO_ENTRY_MATCHES: Text = Text {
    id: "Tidak ada catatan yang cocok.",
    en: "No entry matches.",
};
pub const FIND_AN_OFFICER: Text = Text {
    id: "Cari pegawai (nama atau NIP)",
    en: "Find an officer (name or NIP)",
};
pub const SUMMARY: Text = Text {
    id: "Ringkasan",
    en: "Summary",
};
pub const UNIT_CODE: Text = Text {
    id: "Kode unit",
    en: "Unit code",
};
pub const SKM_SUMMARY: Text = Text {
    id: "Ringkasan SKM",
    en: "SKM summary",
};
pub const R_REQUIRED: Text = Text {
    id: "wajib diisi",
    en: "required",
};
pub const R_IS_EMPTY: Text = Text {
    id: "kosong",
    en: "is empty",
};
pub const R_TOO_LONG: Text = Text {
    id: "terlalu panjang",
    en: "too long",
};
pub const R_CHOOSE_ELEMENT: Text = Text {
    id: "pilih salah satu dari U1–U9",
    en: "choose one of U1–U9",
};
pub const R_NOT_A_DATE: Text = Text {
    id: "bukan tanggal (TTTT-BB-HH)",
    en: "not a date YYYY-MM-DD",
};
pub const R_COLUMN_TWICE: Text = Text {
    id: "kolom muncul dua kali",
    en: "column appears twice",
};
pub const R_COLUMN_MISSING: Text = Text {
    id: "kolom wajib tidak ada",
    en: "required column is missing",
};
pub const R_START_BEFORE_END: Text = Text {
    id: "harus dimulai sebelum berakhir",
    en: "must start before it ends",
};
pub const R_NOT_A_DECIMAL: Text = Text {
    id: "bukan angka desimal biasa seperti \"0,85\"",
    en: "is not a plain decimal number such as 0.85",
};
pub const R_PASSWORD_LENGTH: Text = Text {
    id: "kata sandi: minimal 12 karakter",
    en: "password: at least 12 characters",
};
pub const R_PASSWORD_VARIETY: Text = Text {
    id: "kata sandi: minimal 5 karakter berbeda",
    en: "password: at least 5 different characters",
};
pub const R_USERNAME: Text = Text {
    id: "nama pengguna: 3–64 karakter a–z, 0–9, '.', '_' atau '-'",
    en: "username: 3–64 characters of a–z, 0–9, '.', '_' or '-'",
};
pub const R_UNIT_ADMIN_NEEDS_UNIT: Text = Text {
    id: "admin unit memerlukan unit",
    en: "a unit admin needs a unit",
};
pub const R_OFFICER_NEEDS_NIP: Text = Text {
    id: "akun pegawai memerlukan NIP 18 angka pegawai itu",
    en: "an officer account needs the officer's 18-digit NIP",
};
pub const R_NOT_A_MONTH: Text = Text {
    id: "'{}' bukan bulan seperti 2026-01",
    en: "'{}' is not a month like 2026-01",
};
pub const R_NOT_A_MONTH_OCTOBER: Text = Text {
    id: "'{}' bukan bulan seperti 2026-10",
    en: "'{}' is not a month like 2026-10",
};
pub const R_NOT_A_FACTOR: Text = Text {
    id: "'{}' bukan faktor 0 sampai 1 (seperti 0,95) atau persen (seperti 95%)",
    en: "'{}' is not a factor from 0 to 1 (like 0.95) or a percentage (like 95%)",
};
pub const R_NOT_BETWEEN: Text = Text {
    id: "{} tidak di antara {} dan {}",
    en: "{} is not between {} and {}",
};
pub const R_FLOOR_ABOVE_CAP: Text = Text {
    id: "{} lebih tinggi daripada batas atas {}",
    en: "{} is above the cap {}",
};
pub const R_WEIGHTS_SUM: Text = Text {
    id: "{} + {} + {} jumlahnya bukan 1",
    en: "{} + {} + {} does not add up to 1",
};
pub const R_NO_COLUMN: Text = Text {
    id: "baris judul tidak punya kolom '{}'",
    en: "the header has no column '{}'",
};
pub const R_APPEARS_TWICE: Text = Text {
    id: "'{}' muncul dua kali",
    en: "'{}' appears twice",
};
pub const R_NOT_A_NIP: Text = Text {
    id: "'{}' bukan NIP 18 angka",
    en: "'{}' is not an 18-digit NIP",
};
pub const R_NIP_TWICE: Text = Text {
    id: "{} muncul dua kali untuk {}",
    en: "{} appears twice for {}",
};
pub const R_NOT_A_CODE: Text = Text {
    id: "'{}' bukan kode: pakai huruf kecil, angka, '-', '_' atau '.' (paling banyak 64)",
    en: "'{}' is not a code: use lowercase letters, digits, '-', '_' or '.' (at most 64)",
};
pub const R_LONGER_THAN: Text = Text {
    id: "lebih dari {} karakter",
    en: "is longer than {} characters",
};
pub const R_UNKNOWN_UNIT: Text = Text {
    id: "unit '{}' tidak tersimpan dan tidak ada di units.csv",
    en: "unit '{}' is neither stored nor in units.csv",
};
pub const R_ALREADY_ON_LINE: Text = Text {
    id: "'{}' sudah ada di baris {}",
    en: "'{}' appears already on line {}",
};
pub const R_NOT_A_WHOLE_NUMBER: Text = Text {
    id: "'{}' bukan bilangan bulat ≥ 0",
    en: "'{}' is not a whole number ≥ 0",
};
pub const R_NOT_YES_NO: Text = Text {
    id: "'{}' bukan ya/tidak",
    en: "'{}' is not ya/tidak (yes/no)",
};
pub const R_NOT_A_DATE_VALUE: Text = Text {
    id: "'{}' bukan tanggal seperti 2024-01-02 atau 02-01-2024",
    en: "'{}' is not a date such as 2024-01-02 or 02-01-2024",
};
pub const R_UNREADABLE_WORKBOOK: Text = Text {
    id: "berkas tampak seperti buku kerja Excel tetapi tidak dapat dibaca: {}",
    en: "the file looks like an Excel workbook but cannot be read: {}",
};
pub const R_NO_SHEET: Text = Text {
    id: "buku kerja tidak punya lembar",
    en: "the workbook has no sheet",
};
pub const R_UNITS_SHARE_A_NAME: Text = Text {
    id: "beberapa unit bernama '{}': tulis kode unitnya",
    en: "several units are named '{}': give the unit's code",
};
pub const R_NOT_A_UNIT: Text = Text {
    id: "'{}' bukan kode maupun nama unit yang tersimpan atau ada di units.csv",
    en: "'{}' is neither the code nor the name of a unit stored or in units.csv",
};
pub const R_NOT_A_CONFIDENCE: Text = Text {
    id: "{} bukan 90, 95 atau 99",
    en: "{} is not 90, 95 or 99",
};
pub const R_NOT_A_TRUST: Text = Text {
    id: "'{}' bukan open, onsite atau verified",
    en: "'{}' is not open, onsite or verified",
};
pub const R_TWO_BANDS: Text = Text {
    id: "dua tingkatan dimulai pada {}",
    en: "two bands start at {}",
};
pub const R_NOT_A_RULE: Text = Text {
    id: "'{}' bukan proportional, linear_to_threshold atau steps",
    en: "'{}' is not proportional, linear_to_threshold or steps",
};
pub const R_TOO_MANY_PLACES: Text = Text {
    id: "{} punya lebih dari {} angka desimal",
    en: "{} has more than {} decimal places",
};
pub const R_BEFORE_EFFECTIVE_FROM: Text = Text {
    id: "lebih awal daripada effective_from",
    en: "is before effective_from",
};
pub const R_VERSION_LENGTH: Text = Text {
    id: "harus 1–40 karakter",
    en: "must be 1–40 characters",
};
pub const R_STEPS_NEED_A_BAND: Text = Text {
    id: "aturan tingkatan memerlukan sedikitnya satu tingkatan",
    en: "a steps rule needs at least one band",
};

pub const R_NOT_RUPIAH: Text = Text {
    id: "'{}' bukan rupiah utuh seperti 4500000 atau 4.500.000",
    en: "'{}' is not whole rupiah like 4500000 or 4.500.000",
};
pub const R_CLASS_LENGTH: Text = Text {
    id: "harus 1–32 karakter",
    en: "must be 1–32 characters",
};

pub const HELD_DEVICE_REPEAT: Text = Text {
    id: "perangkat yang sama menilai unit ini lebih dari 2 kali dalam satu jam",
    en: "the same device rated this unit more than twice within an hour",
};
pub const HELD_NETWORK_BURST: Text = Text {
    id: "lebih dari 30 tanggapan dari satu jaringan dalam satu jam",
    en: "more than 30 responses from one network within an hour",
};
pub const HELD_STRAIGHT_LINED: Text = Text {
    id: "jawaban seragam berulang dari satu jaringan",
    en: "repeated all-same answers from one network",
};
pub const HELD_UNIT_BURST: Text = Text {
    id: "lebih dari 40 tanggapan terbuka (tautan atau API) untuk unit ini dalam 10 menit",
    en: "more than 40 open responses (link or API) for this unit within 10 minutes",
};
pub const HELD_KIOSK_TOO_FAST: Text = Text {
    id: "jawaban seragam di kios kurang dari 20 detik setelah jawaban seragam sebelumnya di kios itu",
    en: "an all-same answer at a kiosk less than 20 seconds after the kiosk's previous all-same answer",
};
pub const HELD_KIOSK_BURST: Text = Text {
    id: "lebih dari 60 jawaban dari satu kios dalam satu jam",
    en: "more than 60 answers from one kiosk within an hour",
};
pub const MANY_FROM_ONE_KIOSK: Text = Text {
    id: "Banyak dari satu kios",
    en: "Many from one kiosk",
};
pub const KIOSK_ANSWERED_TOO_FAST: Text = Text {
    id: "Ketukan seragam beruntun di kios",
    en: "All-same taps in a row at a kiosk",
};
pub const HELD_TICKET_AT_COUNTER: Text = Text {
    id: "tiket dijawab kurang dari 60 detik setelah terbit, dari jaringan loket yang menerbitkannya",
    en: "ticket answered less than 60 seconds after issue, from the network of the counter that issued it",
};
pub const HELD_OUTSIDE_HOURS: Text = Text {
    id: "di luar jam layanan unit (termasuk kelonggaran 30 menit sebelum buka dan 3 jam setelah tutup)",
    en: "outside the unit's service hours (allowing 30 minutes before opening and 3 hours after closing)",
};

pub const ELEMENT_REQUIREMENTS: Text = Text {
    id: "Persyaratan",
    en: "Requirements",
};
pub const ELEMENT_PROCEDURE: Text = Text {
    id: "Sistem, mekanisme dan prosedur",
    en: "Systems, mechanisms and procedures",
};
pub const ELEMENT_COMPLETION_TIME: Text = Text {
    id: "Waktu penyelesaian",
    en: "Completion time",
};
pub const ELEMENT_COST: Text = Text {
    id: "Biaya/tarif",
    en: "Cost/tariff",
};
pub const ELEMENT_PRODUCT_SPECIFICATION: Text = Text {
    id: "Produk spesifikasi jenis pelayanan",
    en: "Service product specification",
};
pub const ELEMENT_COMPETENCE: Text = Text {
    id: "Kompetensi pelaksana",
    en: "Staff competence",
};
pub const ELEMENT_BEHAVIOUR: Text = Text {
    id: "Perilaku pelaksana",
    en: "Staff behaviour",
};
pub const ELEMENT_COMPLAINT_HANDLING: Text = Text {
    id: "Penanganan pengaduan, saran dan masukan",
    en: "Handling of complaints, suggestions and feedback",
};
pub const ELEMENT_FACILITIES: Text = Text {
    id: "Sarana dan prasarana",
    en: "Facilities and infrastructure",
};
pub const GRADE_A: Text = Text {
    id: "Sangat Baik",
    en: "Very good",
};
pub const GRADE_B: Text = Text {
    id: "Baik",
    en: "Good",
};
pub const GRADE_C: Text = Text {
    id: "Kurang Baik",
    en: "Less than good",
};
pub const GRADE_D: Text = Text {
    id: "Tidak Baik",
    en: "Poor",
};
pub const PLAN_PLANNED: Text = Text {
    id: "Direncanakan",
    en: "Planned",
};
pub const PLAN_IN_PROGRESS: Text = Text {
    id: "Berjalan",
    en: "In progress",
};
pub const PLAN_DONE: Text = Text {
    id: "Selesai",
    en: "Done",
};

pub const PAYROLL_02: Text = Text {
    id: "Versi perhitungan",
    en: "Run version",
};
pub const PAYROLL_07: Text = Text {
    id: "terkunci (final)",
    en: "locked (final)",
};
pub const PAYROLL_DISCARDED: Text = Text {
    id: "dibuang (tidak dibayar)",
    en: "discarded (not paid)",
};
pub const PAYROLL_09: Text = Text {
    id: "Dihitung oleh",
    en: "Computed by",
};
pub const PAYROLL_10: Text = Text {
    id: "Dihitung pada (waktu setempat)",
    en: "Computed at (local time)",
};
pub const PAYROLL_11: Text = Text {
    id: "Ringkasan masukan (SHA-256)",
    en: "Input digest (SHA-256)",
};
pub const PAYROLL_12: Text = Text {
    id: "Pembulatan",
    en: "Rounding",
};
pub const PAYROLL_13: Text = Text {
    id: "faktor dibulatkan ke 0,01%; jumlah dibulatkan ke bawah ke rupiah penuh",
    en: "factor rounded to 0.01%; amounts rounded down to whole rupiah",
};
pub const PAYROLL_16: Text = Text {
    id: "Pegawai dibayar",
    en: "Officers paid",
};
pub const PAYROLL_17: Text = Text {
    id: "Jumlah TPP (Rp)",
    en: "TPP total (Rp)",
};
pub const PAYROLL_23: Text = Text {
    id: "TPP dasar (Rp)",
    en: "Base TPP (Rp)",
};
pub const PAYROLL_24: Text = Text {
    id: "Tanggapan pegawai",
    en: "Officer's responses",
};
pub const PAYROLL_25: Text = Text {
    id: "IKM pegawai",
    en: "Officer's IKM",
};
pub const PAYROLL_26: Text = Text {
    id: "Tanggapan unit",
    en: "Unit's responses",
};
pub const PAYROLL_27: Text = Text {
    id: "IKM unit",
    en: "Unit's IKM",
};
pub const PAYROLL_28: Text = Text {
    id: "Dasar nilai",
    en: "Score basis",
};
pub const PAYROLL_30: Text = Text {
    id: "Faktor dibayar",
    en: "Factor paid",
};
pub const PAYROLL_31: Text = Text {
    id: "TPP dibayar (Rp)",
    en: "TPP paid (Rp)",
};
pub const PAYROLL_33: Text = Text {
    id: "Batas atas nilai",
    en: "Score's upper end",
};
pub const PAYROLL_34: Text = Text {
    id: "versi",
    en: "version",
};
pub const PAYROLL_35: Text = Text {
    id: "Tidak dibayar: lihat lembar 'Tidak dibayar'",
    en: "Not paid: see the 'Not paid' sheet",
};
pub const PAYROLL_36: Text = Text {
    id: "Tanpa aturan bukti",
    en: "No evidence rule",
};
pub const PAYROLL_37: Text = Text {
    id: "Bukti belum cukup (100%)",
    en: "Not enough evidence (100%)",
};
pub const PAYROLL_38: Text = Text {
    id: "Cukup: dari batas atas",
    en: "Enough: from the upper end",
};
pub const PAYROLL_39: Text = Text {
    id: "Gabungan pegawai dan unit",
    en: "Officer and unit blended",
};
pub const PAYROLL_40: Text = Text {
    id: "Nilai pegawai",
    en: "Officer's score",
};
pub const PAYROLL_41: Text = Text {
    id: "Nilai unit",
    en: "Unit's score",
};
pub const PAYROLL_42: Text = Text {
    id: "Tanpa tanggapan (100%)",
    en: "No responses (100%)",
};

// Innovation pages (issue 19).
pub const INNOVATION_DAY_OUT_OF_RANGE: Text = Text {
    id: "Tanggal harus antara 1 Januari 2000 dan setahun dari hari ini.",
    en: "The day must be between 1 January 2000 and a year from today.",
};
pub const REASON_TOO_LONG: Text = Text {
    id: "Alasan paling banyak 2.000 huruf.",
    en: "A reason has 2,000 characters at most.",
};
pub const REGISTER_AN_INNOVATION_FOR_THE_WEAKEST: Text = Text {
    id: "Daftarkan inovasi untuk unsur terlemah",
    en: "Register an innovation for the weakest element",
};
pub const NOT_MEASURED_BEFORE_A_START: Text = Text {
    id: "Belum dimulai di unit mana pun; pengaruhnya diukur sesudah dimulai.",
    en: "Not started in any unit yet; its effect is measured once it starts.",
};
pub const ADDRESS: Text = Text {
    id: "Alamat",
    en: "Address",
};
pub const ADD_A_PARTNER: Text = Text {
    id: "Tambah mitra",
    en: "Add a partner",
};
pub const ADD_EVIDENCE: Text = Text {
    id: "Tambah bukti",
    en: "Add evidence",
};
pub const ALL_INNOVATIONS: Text = Text {
    id: "Semua inovasi",
    en: "All innovations",
};
pub const BENEFIT: Text = Text {
    id: "Manfaat",
    en: "Benefit",
};
pub const CHANGE_THE_REGISTRATION: Text = Text {
    id: "Ubah data inovasi",
    en: "Change the registration",
};
pub const CHECK_BEFORE_DECLINING: Text = Text {
    id: "Periksa sebelum menolak ide",
    en: "Check before declining the idea",
};
pub const CHECK_BEFORE_MOVING_THE_STAGE: Text = Text {
    id: "Periksa sebelum memindah tahap",
    en: "Check before moving the stage",
};
pub const CHOOSE_AN_INDICATOR: Text = Text {
    id: "Pilih indikator yang didukung bukti ini.",
    en: "Choose the indicator this evidence supports.",
};
pub const CHOOSE_A_FILE: Text = Text {
    id: "Pilih berkas bukti.",
    en: "Choose an evidence file.",
};
pub const CONTRIBUTION: Text = Text {
    id: "Kontribusi",
    en: "Contribution",
};
pub const CONTRIBUTION_RUPIAH: Text = Text {
    id: "Kontribusi dalam rupiah",
    en: "Contribution in rupiah",
};
pub const COPIED_SINCE: Text = Text {
    id: "mereplikasi sejak {}",
    en: "copied it since {}",
};
pub const DECLINE: Text = Text {
    id: "Tolak",
    en: "Decline",
};
pub const DECLINING_IS_FINAL: Text = Text {
    id: "Ide yang ditolak tidak bisa diambil lagi; pengusul membaca alasannya.",
    en: "A declined idea cannot be taken up later; its author reads the reason.",
};
pub const DECLINING_NEEDS_A_REASON: Text = Text {
    id: "Menolak ide perlu alasan.",
    en: "Declining an idea needs a reason.",
};
pub const DESCRIBE_THE_IDEA: Text = Text {
    id: "Jelaskan idenya (paling banyak 2.000 huruf).",
    en: "Describe the idea (2,000 characters at most).",
};
pub const DESIGN: Text = Text {
    id: "Rancang bangun",
    en: "Design",
};
pub const DIGITAL: Text = Text {
    id: "Digital",
    en: "Digital tool",
};
pub const DOCUMENT_TITLE: Text = Text {
    id: "Judul dokumen",
    en: "Document title",
};
pub const EFFECT_ON_IKM: Text = Text {
    id: "Pengaruh pada IKM",
    en: "Effect on the IKM",
};
pub const EFFECT_ON_SATISFACTION: Text = Text {
    id: "Pengaruh pada kepuasan warga",
    en: "Effect on citizens' satisfaction",
};
pub const EFFECT_RESPONSES: Text = Text {
    id: "Jawaban yang dipakai: unit penerap {} sebelum dan {} sesudah; unit lain {} sebelum dan {} sesudah.",
    en: "Responses used: adopting units {} before and {} after; other units {} before and {} after.",
};
pub const EFFECT_SENTENCE_BEFORE_AFTER: Text = Text {
    id: "Sesudah dimulai, {} di unit penerap berubah {} poin (95% yakin antara {} dan {}). Tidak ada unit pembanding, jadi perubahan lain pada bulan itu ikut terhitung.",
    en: "After the start, {} in the adopting units changed by {} points (95% sure between {} and {}). No units compare, so other changes in those months count too.",
};
pub const EFFECT_SENTENCE_COMPARED: Text = Text {
    id: "Sesudah dimulai, {} di unit penerap berubah {} poin lebih dari unit lain pada bulan yang sama (95% yakin antara {} dan {}).",
    en: "After the start, {} in the adopting units changed by {} points more than in other units over the same months (95% sure between {} and {}).",
};
pub const EFFECT_SENTENCE_NOT_ENOUGH: Text = Text {
    id: "{}: data belum cukup untuk menilai (perlu 30 jawaban sebelum dan sesudah; ada {} dan {}).",
    en: "{}: not enough data yet to judge (30 responses before and after are needed; there are {} and {}).",
};
pub const EVIDENCE_FILES: Text = Text {
    id: "Berkas bukti",
    en: "Evidence files",
};
pub const EVIDENCE_FILE_HINT: Text = Text {
    id: "Berkas (PDF, JPEG atau PNG, paling besar 5 MB)",
    en: "File (PDF, JPEG or PNG, at most 5 MB)",
};
pub const EVIDENCE_PER_INDICATOR: Text = Text {
    id: "Bukti per indikator",
    en: "Evidence per indicator",
};
pub const FIELD_NOT_A_NIP: Text = Text {
    id: "NIP harus 18 angka",
    en: "a NIP is 18 digits",
};
pub const FIELD_NOT_RUPIAH: Text = Text {
    id: "tulis jumlah rupiah, misalnya Rp25.000.000",
    en: "write an amount in rupiah, e.g. Rp25,000,000",
};
pub const FIELD_NO_CONTRIBUTION: Text = Text {
    id: "isi jumlah rupiah atau bantuan barang/jasa",
    en: "give an amount in rupiah or what was given in kind",
};
pub const FIELD_UNKNOWN_VALUE: Text = Text {
    id: "pilihan tidak dikenal",
    en: "unknown choice",
};
pub const FILE_TOO_LARGE: Text = Text {
    id: "Berkas lebih besar dari 5 MB.",
    en: "The file is larger than 5 MB.",
};
pub const FILE_TYPE: Text = Text {
    id: "Jenis berkas",
    en: "File type",
};
pub const FOLLOW_UP_PLANS_OF_THE_UNIT: Text = Text {
    id: "Rencana tindak lanjut unit ini:",
    en: "This unit's follow-up plans:",
};
pub const FORM_GOVERNANCE: Text = Text {
    id: "Tata kelola pemerintahan daerah",
    en: "Regional governance",
};
pub const FORM_OTHER: Text = Text {
    id: "Inovasi daerah lainnya",
    en: "Other regional innovation",
};
pub const FORM_PUBLIC_SERVICE: Text = Text {
    id: "Pelayanan publik",
    en: "Public service",
};
pub const GIFTS_IN_KIND: Text = Text {
    id: "Bantuan barang/jasa",
    en: "Gifts in kind",
};
pub const GOAL: Text = Text {
    id: "Tujuan",
    en: "Goal",
};
pub const GOVERNMENT_AFFAIR: Text = Text {
    id: "Urusan pemerintahan",
    en: "Government affair",
};
pub const GROUP_SERVED: Text = Text {
    id: "Kelompok sasaran",
    en: "Groups served",
};
pub const HOW_IT_IS_MEASURED: Text = Text {
    id: "Cara pengaruhnya diukur",
    en: "How the effect is measured",
};
pub const IDEA: Text = Text {
    id: "Ide",
    en: "Idea",
};
pub const IDEAS_AND_SUGGESTIONS: Text = Text {
    id: "Ide dan saran warga",
    en: "Ideas and citizens' suggestions",
};
pub const IDEA_DECIDED_ALREADY: Text = Text {
    id: "Ide ini sudah diputuskan.",
    en: "This idea has been decided already.",
};
pub const IDEA_DECLINED: Text = Text {
    id: "Ditolak",
    en: "Declined",
};
pub const IDEA_DESCRIPTION: Text = Text {
    id: "Penjelasan",
    en: "Description",
};
pub const IDEA_NOT_SAVED_YET: Text = Text {
    id: "Ide belum bisa disimpan",
    en: "The idea cannot be saved yet",
};
pub const IDEA_OPEN: Text = Text {
    id: "Menunggu keputusan",
    en: "Awaiting a decision",
};
pub const IDEA_TAKEN_UP: Text = Text {
    id: "Diambil menjadi inovasi",
    en: "Taken up as an innovation",
};
pub const IKM_BEFORE: Text = Text {
    id: "IKM sebelumnya",
    en: "IKM before",
};
pub const IKM_NOW: Text = Text {
    id: "IKM sekarang",
    en: "IKM now",
};
pub const IMPLEMENTATION_DATE: Text = Text {
    id: "Tanggal penerapan",
    en: "Implementation date",
};
pub const INDEX_TITLE: Text = Text {
    id: "Inovasi daerah {} (bahan Indeks Inovasi Daerah, Permendagri 104/2018)",
    en: "Regional innovations of {} (for the Regional Innovation Index, Permendagri 104/2018)",
};
pub const INDEX_WORKBOOK: Text = Text {
    id: "Unduh bahan Indeks Inovasi Daerah (xlsx)",
    en: "Download the Regional Innovation Index workbook (xlsx)",
};
pub const INDICATOR: Text = Text {
    id: "Indikator",
    en: "Indicator",
};
pub const INDICATOR_ACTORS: Text = Text {
    id: "Keterlibatan aktor inovasi",
    en: "Innovation actors involved",
};
pub const INDICATOR_BENEFIT: Text = Text {
    id: "Kemanfaatan inovasi",
    en: "Benefit of the innovation",
};
pub const INDICATOR_BUDGET: Text = Text {
    id: "Dukungan anggaran",
    en: "Budget support",
};
pub const INDICATOR_COMPLAINTS: Text = Text {
    id: "Penyelesaian layanan pengaduan",
    en: "Complaints resolved",
};
pub const INDICATOR_GUIDE: Text = Text {
    id: "Pedoman teknis",
    en: "Technical guide",
};
pub const INDICATOR_IT: Text = Text {
    id: "Penggunaan teknologi informasi",
    en: "Use of information technology",
};
pub const INDICATOR_MONITORING: Text = Text {
    id: "Pemantauan dan evaluasi",
    en: "Monitoring and evaluation",
};
pub const INDICATOR_NETWORK: Text = Text {
    id: "Jejaring inovasi",
    en: "Innovation network",
};
pub const INDICATOR_OUTREACH: Text = Text {
    id: "Sosialisasi inovasi",
    en: "Outreach",
};
pub const INDICATOR_PEOPLE: Text = Text {
    id: "Ketersediaan SDM",
    en: "Staff available",
};
pub const INDICATOR_PLANNING: Text = Text {
    id: "Program dan kegiatan dalam RKPD",
    en: "Programmes in the RKPD",
};
pub const INDICATOR_REGULATION: Text = Text {
    id: "Regulasi inovasi daerah",
    en: "Regulation",
};
pub const INDICATOR_REPLICATION: Text = Text {
    id: "Replikasi",
    en: "Replication evidence",
};
pub const INDICATOR_TRAINING: Text = Text {
    id: "Bimbingan teknis",
    en: "Training",
};
pub const INITIATOR: Text = Text {
    id: "Inisiator",
    en: "Initiator",
};
pub const INITIATOR_CITIZEN: Text = Text {
    id: "Masyarakat",
    en: "Citizens",
};
pub const INITIATOR_COUNCIL: Text = Text {
    id: "Anggota DPRD",
    en: "Council member",
};
pub const INITIATOR_OFFICER: Text = Text {
    id: "ASN",
    en: "Civil servant (ASN)",
};
pub const INITIATOR_REGENT: Text = Text {
    id: "Kepala daerah",
    en: "Regent",
};
pub const INITIATOR_UNIT: Text = Text {
    id: "Perangkat daerah (OPD)",
    en: "Regional agency (OPD)",
};
pub const INNOVATION: Text = Text {
    id: "Inovasi",
    en: "Innovation",
};
pub const INNOVATIONS: Text = Text {
    id: "Inovasi daerah",
    en: "Regional innovations",
};
pub const INNOVATIONS_FOUND: Text = Text {
    id: "{} inovasi",
    en: "{} innovations",
};
pub const INNOVATIONS_HOME_LEAD: Text = Text {
    id: "Perubahan layanan yang dibuat unit bersama kampus, usaha, komunitas dan desa, dengan pengaruhnya pada kepuasan warga.",
    en: "Service changes units made with universities, businesses, communities and villages, with their effect on citizens' satisfaction.",
};
pub const INNOVATIONS_LEAD: Text = Text {
    id: "Setiap inovasi dengan mitranya, tujuan SDG, kelompok sasaran, dan pengaruhnya pada kepuasan warga: diukur dari survei, lengkap dengan rentang ketidakpastiannya.",
    en: "Each innovation with its partners, SDG targets, groups served, and its effect on citizens' satisfaction: measured from the survey, with its range of uncertainty.",
};
pub const INNOVATIONS_STARTED: Text = Text {
    id: "Inovasi berjalan",
    en: "Innovations started",
};
pub const INNOVATION_FORM: Text = Text {
    id: "Bentuk inovasi",
    en: "Form of innovation",
};
pub const INNOVATION_NAME: Text = Text {
    id: "Nama inovasi",
    en: "Name of the innovation",
};
pub const INNOVATION_NOT_SAVED_YET: Text = Text {
    id: "Inovasi belum bisa disimpan",
    en: "The innovation cannot be saved yet",
};
pub const INNOVATION_REGISTRY: Text = Text {
    id: "Daftar inovasi",
    en: "Innovation registry",
};
pub const INNOVATION_STAGE: Text = Text {
    id: "Tahapan",
    en: "Stage reached",
};
pub const INNOVATION_SUMMARY: Text = Text {
    id: "Ringkasan inovasi untuk pimpinan",
    en: "Innovation summary for the regent",
};
pub const IN_KIND: Text = Text {
    id: "Bantuan barang/jasa (jika ada)",
    en: "Given in kind (if any)",
};
pub const KIND_DIGITAL: Text = Text {
    id: "Jenis (digital atau bukan)",
    en: "Digital or not",
};
pub const LOWEST_RATED_ELEMENT: Text = Text {
    id: "Unsur yang dinilai terendah",
    en: "Element rated lowest",
};
pub const METHOD_EXPLAINED: Text = Text {
    id: "Untuk setiap unsur sasaran dan IKM, kami membandingkan nilai rata-rata jawaban di unit penerap enam bulan sebelum dan sesudah dimulai (bulan dimulainya tidak dihitung), lalu mengurangkan perubahan di unit yang tidak menerapkannya pada bulan yang sama, agar perubahan yang dialami semua unit tidak dianggap hasil inovasi. Rentang 95% dihitung dari sebaran jawaban; pengaruh disebut jelas hanya jika seluruh rentangnya di atas atau di bawah nol, dan baru dinilai bila ada paling sedikit 30 jawaban di tiap kelompok. Jawaban yang ditahan tidak dipakai.",
    en: "For each targeted element and the IKM, we compare the mean answer in the adopting units over six months before and after the start (the month it started is left out), then subtract the change in units that did not adopt it over the same months, so a change every unit saw is not credited to the innovation. The 95% range comes from the spread of the answers; an effect is called clear only when the whole range lies above or below zero, and is judged only with at least 30 responses in each group. Held responses are not used.",
};
pub const MOVE_THE_STAGE: Text = Text {
    id: "Pindahkan tahap",
    en: "Move the stage",
};
pub const MOVE_TO_STAGE: Text = Text {
    id: "Pindah ke tahap {}",
    en: "Move on to {}",
};
pub const MOVE_TO_STAGE_ON: Text = Text {
    id: "Tanggal mulai tahap {}",
    en: "Day the stage {} began",
};
pub const MUSRENA_CODES: Text = Text {
    id: "Usulan Musrena yang dijawab (kode, pisahkan dengan koma)",
    en: "Musrena proposals it answers (codes, separated by commas)",
};
pub const MUSRENA_PROPOSALS_ANSWERED: Text = Text {
    id: "Usulan Musrena yang dijawab",
    en: "Musrena proposals it answers",
};
pub const NOT_A_UNIT: Text = Text {
    id: "“{}” bukan unit kabupaten ini.",
    en: "“{}” is not a unit of this regency.",
};
pub const NOT_DIGITAL: Text = Text {
    id: "Bukan digital",
    en: "Not digital",
};
pub const NOT_FOUND_ANY_MORE: Text = Text {
    id: "Data ini tidak ditemukan lagi; muat ulang halaman.",
    en: "This record is no longer there; reload the page.",
};
pub const NOT_SAVED_YET: Text = Text {
    id: "Belum bisa disimpan",
    en: "Not saved yet",
};
pub const NOT_STARTED_YET: Text = Text {
    id: "belum dimulai",
    en: "not started yet",
};
pub const NO_EVIDENCE_YET: Text = Text {
    id: "Belum ada berkas bukti.",
    en: "No evidence files yet.",
};
pub const NO_IDEAS_YET: Text = Text {
    id: "Belum ada ide.",
    en: "No ideas yet.",
};
pub const NO_INNOVATIONS_YET: Text = Text {
    id: "Belum ada inovasi terdaftar.",
    en: "No innovations registered yet.",
};
pub const NO_OFFICER_WITH_NIP: Text = Text {
    id: "Tidak ada pegawai ber-NIP {} di kabupaten ini.",
    en: "No officer of this regency has NIP {}.",
};
pub const NO_PARTNERS_YET: Text = Text {
    id: "Belum ada mitra tercatat.",
    en: "No partners recorded yet.",
};
pub const NO_RESPONSES_IN_SIX_MONTHS: Text = Text {
    id: "Belum ada jawaban survei enam bulan terakhir.",
    en: "No survey responses in the last six months.",
};
pub const NO_SUCH_INNOVATION: Text = Text {
    id: "Tidak ada inovasi nomor “{}”.",
    en: "There is no innovation number “{}”.",
};
pub const NO_SUGGESTIONS: Text = Text {
    id: "Belum ada saran warga pada bulan-bulan ini.",
    en: "No suggestions from citizens in these months.",
};
pub const NUMBER: Text = Text {
    id: "No.",
    en: "Number",
};
pub const ONLY_PDF_JPEG_PNG: Text = Text {
    id: "Hanya berkas PDF, JPEG atau PNG yang diterima.",
    en: "Only PDF, JPEG and PNG files are accepted.",
};
pub const PARTNER: Text = Text {
    id: "Mitra",
    en: "Partner",
};
pub const PARTNERS: Text = Text {
    id: "Mitra",
    en: "Partners",
};
pub const PARTNERS_AND_CONTRIBUTIONS: Text = Text {
    id: "Mitra dan kontribusinya",
    en: "Partners and what they gave",
};
pub const PARTNER_BUSINESS: Text = Text {
    id: "Dunia usaha/CSR",
    en: "Business or CSR",
};
pub const PARTNER_COMMUNITY: Text = Text {
    id: "LSM atau komunitas",
    en: "NGO or community",
};
pub const PARTNER_GOVERNMENT: Text = Text {
    id: "Instansi pemerintah lain",
    en: "Other government",
};
pub const PARTNER_KIND: Text = Text {
    id: "Jenis mitra",
    en: "Kind of partner",
};
pub const PARTNER_MEDIA: Text = Text {
    id: "Media",
    en: "Media outlet",
};
pub const PARTNER_OTHER: Text = Text {
    id: "Lainnya",
    en: "Other",
};
pub const PARTNER_UNIVERSITY: Text = Text {
    id: "Perguruan tinggi",
    en: "University",
};
pub const PARTNER_VILLAGE: Text = Text {
    id: "Desa",
    en: "Village government",
};
pub const PIPELINE_PER_UNIT: Text = Text {
    id: "Inovasi per unit dan tahap",
    en: "Innovations per unit and stage",
};
pub const REASON_FOR_DECLINING: Text = Text {
    id: "Alasan menolak",
    en: "Reason for declining",
};
pub const REGISTER_AN_INNOVATION: Text = Text {
    id: "Daftarkan inovasi",
    en: "Register an innovation",
};
pub const REPLICATED_IN: Text = Text {
    id: "Direplikasi di",
    en: "Copied by",
};
pub const REPLICATION_NEEDS_A_UNIT: Text = Text {
    id: "Tahap replikasi perlu unit lain yang sudah memulai inovasi ini; catat dulu tanggal mulainya di unit itu.",
    en: "Replication needs another unit that has started this innovation; record the day it started there first.",
};
pub const RESULT: Text = Text {
    id: "Hasil inovasi",
    en: "Result",
};
pub const RISE_MONTHS: Text = Text {
    id: "IKM {} sampai {} dibanding {} sampai {}. Kenaikan belum tentu karena inovasi.",
    en: "IKM from {} to {} against {} to {}. A rise is not proof an innovation caused it.",
};
pub const SAVE_THE_INNOVATION: Text = Text {
    id: "Simpan inovasi",
    en: "Save the innovation",
};
pub const SAVE_THE_PARTNER: Text = Text {
    id: "Simpan mitra",
    en: "Save the partner",
};
pub const SAVE_THE_START: Text = Text {
    id: "Simpan tanggal mulai",
    en: "Save the start date",
};
pub const SDG_GOAL: Text = Text {
    id: "Tujuan SDG",
    en: "SDG goal",
};
pub const SDG_TARGETS: Text = Text {
    id: "Target SDG",
    en: "SDG targets",
};
pub const SDG_TARGETS_HINT: Text = Text {
    id: "Tujuan 1–17 atau targetnya, misalnya",
    en: "Goals 1–17 or their targets, for example",
};
pub const SEE_THE_INNOVATION: Text = Text {
    id: "Lihat inovasinya",
    en: "See the innovation",
};
pub const SEE_THE_INNOVATIONS: Text = Text {
    id: "Lihat inovasi",
    en: "See the innovations",
};
pub const STAFF_IDEAS: Text = Text {
    id: "Ide dari pegawai",
    en: "Ideas from staff",
};
pub const STAGES_NEVER_MOVE_BACK: Text = Text {
    id: "Tahap inovasi tidak bisa mundur; langkah ini tercatat di log audit.",
    en: "An innovation's stage never moves back; this step goes into the audit log.",
};
pub const STAGE_IDEA: Text = Text {
    id: "Gagasan",
    en: "Idea stage",
};
pub const STAGE_IMPLEMENTED: Text = Text {
    id: "Diterapkan",
    en: "Implemented",
};
pub const STAGE_ONE_STEP_AT_A_TIME: Text = Text {
    id: "Tahap inovasi maju satu per satu: gagasan, uji coba, diterapkan, direplikasi.",
    en: "Stages move one at a time: idea, trial, implemented, replicated.",
};
pub const STAGE_REPLICATED: Text = Text {
    id: "Direplikasi",
    en: "Replicated",
};
pub const STAGE_TRIAL: Text = Text {
    id: "Uji coba",
    en: "Trial",
};
pub const STARTED_SINCE: Text = Text {
    id: "dimulai sejak {}",
    en: "started on {}",
};
pub const START_DATE: Text = Text {
    id: "Tanggal mulai",
    en: "Start date",
};
pub const START_IN_A_UNIT: Text = Text {
    id: "Tanggal mulai di unit",
    en: "Start in a unit",
};
pub const START_IN_A_UNIT_HINT: Text = Text {
    id: "Catat tanggal inovasi mulai berjalan di unitnya sendiri atau di unit lain yang mereplikasinya. Pengaruhnya diukur dari tanggal ini.",
    en: "Record the day the innovation began in its own unit or in another unit that copies it. Its effect is measured from this day.",
};
pub const SUBMIT_AN_IDEA: Text = Text {
    id: "Ajukan ide",
    en: "Submit an idea",
};
pub const SUBMIT_THE_IDEA: Text = Text {
    id: "Kirim ide",
    en: "Send the idea",
};
pub const SUGGESTIONS_OF_MONTHS: Text = Text {
    id: "Saran yang ditulis warga di survei SKM, {} sampai {}; saran yang sama ditampilkan sekali beserta jumlahnya.",
    en: "Suggestions citizens wrote in the SKM survey, {} to {}; the same text shows once, with how often it came.",
};
pub const TAKE_UP: Text = Text {
    id: "Ambil menjadi inovasi",
    en: "Take it up",
};
pub const TARGETED_ELEMENTS: Text = Text {
    id: "Unsur SKM sasaran",
    en: "SKM elements targeted",
};
pub const TEAM: Text = Text {
    id: "Tim",
    en: "Team",
};
pub const TEAM_NIPS: Text = Text {
    id: "Tim (NIP, satu per baris)",
    en: "Team (NIPs, one per line)",
};
pub const THE_CHANGE: Text = Text {
    id: "Apa yang diubah",
    en: "What changed",
};
pub const TIMES: Text = Text {
    id: "Kali",
    en: "Times",
};
pub const TRIAL_DATE: Text = Text {
    id: "Tanggal uji coba",
    en: "Trial date",
};
pub const UNITS_USING_IT: Text = Text {
    id: "Unit penerap",
    en: "Units using it",
};
pub const UNITS_WHOSE_IKM_ROSE_MOST: Text = Text {
    id: "Unit dengan kenaikan IKM terbesar",
    en: "Units whose IKM rose most",
};
pub const UPLOAD_THE_EVIDENCE: Text = Text {
    id: "Unggah bukti",
    en: "Upload the evidence",
};
pub const VERDICT_FELL: Text = Text {
    id: "Turun dengan jelas",
    en: "Fell clearly",
};
pub const VERDICT_NOT_ENOUGH: Text = Text {
    id: "Data belum cukup",
    en: "Not enough data yet",
};
pub const VERDICT_NO_CHANGE: Text = Text {
    id: "Belum terlihat perubahan",
    en: "No change visible yet",
};
pub const VERDICT_ROSE: Text = Text {
    id: "Naik dengan jelas",
    en: "Rose clearly",
};
pub const WEAKEST_ELEMENTS_OF: Text = Text {
    id: "Unsur terlemah {} enam bulan terakhir:",
    en: "Weakest elements of {} over the last six months:",
};
pub const WHAT_CITIZENS_ASKED_FOR: Text = Text {
    id: "Yang diminta warga",
    en: "What citizens asked for",
};
pub const WHAT_THE_EFFECTS_SAY: Text = Text {
    id: "Apa kata pengukurannya",
    en: "What the measurements say",
};
pub const WRITE_THE_DOCUMENT_TITLE: Text = Text {
    id: "Tulis judul dokumen (paling banyak 160 huruf).",
    en: "Write the document's title (160 characters at most).",
};
pub const WRITE_THE_IDEA_IN_A_LINE: Text = Text {
    id: "Tulis ide dalam satu baris (paling banyak 160 huruf).",
    en: "Write the idea in one line (160 characters at most).",
};
pub const FIELD_REQUIRED: Text = R_REQUIRED;
pub const FIELD_TOO_LONG: Text = R_TOO_LONG;
pub const ROLE_IN_INNOVATION: Text = ROLE;

pub const PAYABLE_SUMMARY: Text = Text {
    id: "Rekapitulasi",
    en: "Summary by unit",
};
pub const PAYABLE_TITLE: Text = Text {
    id: "DAFTAR NOMINATIF PEMBAYARAN TPP",
    en: "TPP PAYABLE LIST",
};
pub const DEDUCTIONS: Text = Text {
    id: "Potongan",
    en: "Deductions",
};
pub const NO_DEDUCTIONS: Text = Text {
    id: "tanpa potongan",
    en: "none",
};
pub const ROW_NUMBER: Text = Text {
    id: "No",
    en: "No.",
};
pub const RANK_GOLONGAN: Text = Text {
    id: "Pangkat/golongan",
    en: "Rank (golongan)",
};
pub const ACHIEVEMENT: Text = Text {
    id: "Capaian",
    en: "Achievement",
};
pub const GROSS_RP: Text = Text {
    id: "Jumlah kotor (Rp)",
    en: "Gross (Rp)",
};
pub const NET_RP: Text = Text {
    id: "Jumlah bersih (Rp)",
    en: "Net (Rp)",
};
pub const BANK: Text = Text {
    id: "Bank",
    en: "Bank",
};
pub const ACCOUNT_NUMBER: Text = Text {
    id: "Nomor rekening",
    en: "Account number",
};
pub const SIGNATURE: Text = Text {
    id: "Tanda tangan",
    en: "Signature",
};
pub const ACKNOWLEDGED_BY_THE_UNIT_HEAD: Text = Text {
    id: "Mengetahui, Kepala Unit",
    en: "Acknowledged, Head of Unit",
};
pub const TREASURER: Text = Text {
    id: "Bendahara Pengeluaran",
    en: "Treasurer",
};
pub const FOR_FINANCE: Text = Text {
    id: "Untuk keuangan: ",
    en: "For finance: ",
};
pub const PAYABLE_LIST_XLSX: Text = Text {
    id: "daftar nominatif (xlsx)",
    en: "payable list (xlsx)",
};
pub const BANK_TRANSFER_FILE: Text = Text {
    id: "Berkas transfer bank",
    en: "Bank transfer file",
};
pub const PAYEES: Text = Text {
    id: "Penerima",
    en: "Payees",
};
pub const FILE_FINGERPRINT: Text = Text {
    id: "Sidik berkas (SHA-256)",
    en: "File fingerprint (SHA-256)",
};
pub const BANK_TRANSFER_FILE_CSV: Text = Text {
    id: "berkas transfer bank (CSV)",
    en: "bank transfer file (CSV)",
};
pub const ONLY_A_LOCKED_RUN_HAS_A_BANK_FILE: Text = Text {
    id: "Berkas transfer bank hanya dibuat untuk perhitungan yang sudah terkunci (final). Kunci perhitungan ini lebih dulu.",
    en: "A bank transfer file is made only for a locked (final) run. Lock this run first.",
};
pub const NO_ACCOUNT_NUMBER_FOR: Text = Text {
    id: "Berkas transfer bank belum dapat dibuat: perhitungan ini tidak menyimpan nomor rekening untuk pegawai di bawah. Impor daftar pegawai dengan kolom NOMOR REKENING, lalu hitung ulang bulan ini (versi baru diperiksa dan disetujui lagi). Belum ada nomor rekening untuk:",
    en: "The bank transfer file cannot be made yet: this computation kept no account number for the officers below. Import the officer list with a NOMOR REKENING column, then compute the month again (the new version is reviewed and approved again). There is no account number for:",
};

pub const THE_OFFICER_RECORDS_ARE_NOT_AS_RECORDED: Text = Text {
    id: "Berkas transfer bank tidak dibuat: data pegawai atau log audit tidak sama dengan yang tercatat saat diimpor. Minta Inspektorat memeriksa integritas data sebelum membayar.",
    en: "No bank transfer file was made: the officer records or the audit log differ from what was recorded when they were imported. Ask the inspectorate to check the data's integrity before paying.",
};
pub const PAYABLE_LIST_PDF: Text = Text {
    id: "daftar nominatif untuk dicetak (PDF)",
    en: "payable list to print (PDF)",
};
pub const NO_DEDUCTIONS_ON_THE_PAYABLE_LIST: Text = Text {
    id: "tanpa potongan di daftar nominatif",
    en: "none on the payable list",
};
pub const OTHER_RANKS: Text = Text {
    id: "golongan lain",
    en: "other ranks",
};
pub const AT_MOST_RUPIAH: Text = Text {
    id: "paling banyak ",
    en: "at most ",
};
pub const CHOOSE_A_PASSWORD_OTHER_THAN_THE_CURRENT: Text = Text {
    id: "Pilih kata sandi baru yang berbeda dari kata sandi sekarang.",
    en: "Choose a new password other than the current one.",
};
pub const A_DISCARDED_VERSION_HAS_NO_PAYABLE_LIST: Text = Text {
    id: "Versi yang dibuang tidak dibayar, maka tidak punya daftar nominatif.",
    en: "A discarded version is not paid, so it has no payable list.",
};
pub const R_ADDRESS_OF_ANOTHER_OFFICER: Text = Text {
    id: "'{}' adalah alamat pegawai lain ({})",
    en: "'{}' is the address of another officer ({})",
};
pub const R_NOT_AN_EMAIL: Text = Text {
    id: "'{}' bukan alamat e-mail",
    en: "'{}' is not an e-mail address",
};
pub const R_NOT_AN_NPWP: Text = Text {
    id: "'{}' bukan NPWP 15 atau 16 angka",
    en: "'{}' is not an NPWP of 15 or 16 digits",
};
pub const R_NOT_AN_ACCOUNT_NUMBER: Text = Text {
    id: "'{}' bukan nomor rekening 5 sampai 20 angka (lembar kerja yang menampilkannya dalam bentuk pangkat sudah kehilangan angka: simpan kolomnya sebagai teks)",
    en: "'{}' is not an account number of 5 to 20 digits (a spreadsheet that shows it in exponent form has lost digits: store it as text)",
};
pub const R_STORED_AS_NUMBER: Text = Text {
    id: "'{}' tersimpan sebagai angka, sehingga angka nol di depannya hilang: ubah format kolom ini menjadi teks, lalu ketik ulang isinya",
    en: "'{}' is stored as a number, which loses leading zeros: format the column as text and type it again",
};
pub const R_NAME_1_TO_60: Text = Text {
    id: "harus 1–60 karakter",
    en: "must be 1–60 characters",
};
pub const R_BELOW_0: Text = Text {
    id: "{} kurang dari 0",
    en: "{} is below 0",
};
pub const R_MORE_THAN_10_DEDUCTIONS: Text = Text {
    id: "berisi lebih dari 10 potongan",
    en: "has more than 10 deductions",
};
pub const R_DEDUCTIONS_OVER_100: Text = Text {
    id: "memotong lebih dari 100 persen dari suatu golongan jika dijumlahkan",
    en: "withhold more than 100 percent from some rank together",
};
pub const R_NOT_A_GROUP: Text = Text {
    id: "'{}' bukan golongan seperti III atau IV",
    en: "'{}' is not a golongan group such as III or IV",
};
/// The payroll workbook's labels (`suara_reports::tpp::LABELS`), for its English version.
pub const PAYROLL_SHEET: &[Text] = &[
    SUMMARY,
    NOT_PAID,
    PAYROLL_02,
    STATE,
    DRAFT,
    REVIEWED,
    APPROVED,
    PAYROLL_07,
    PAYROLL_DISCARDED,
    POLICY_VERSION,
    PAYROLL_09,
    PAYROLL_10,
    PAYROLL_11,
    PAYROLL_12,
    PAYROLL_13,
    UNIT_CODE,
    UNIT_2,
    PAYROLL_16,
    PAYROLL_17,
    TOTAL,
    NIP,
    NAME,
    REASON_2,
    POSITION_CLASS,
    PAYROLL_23,
    PAYROLL_24,
    PAYROLL_25,
    PAYROLL_26,
    PAYROLL_27,
    PAYROLL_28,
    SCORE,
    PAYROLL_30,
    PAYROLL_31,
    EVIDENCE_2,
    PAYROLL_33,
    PAYROLL_34,
    PAYROLL_35,
    PAYROLL_36,
    PAYROLL_37,
    PAYROLL_38,
    PAYROLL_39,
    PAYROLL_40,
    PAYROLL_41,
    PAYROLL_42,
];

/// The payable list's labels (`suara_reports::payable::LABELS`), for its English version.
pub const PAYABLE_SHEET: &[Text] = &[
    PAYABLE_SUMMARY,
    PAYABLE_TITLE,
    MONTH,
    PAYROLL_02,
    DEDUCTIONS,
    NO_DEDUCTIONS,
    ROW_NUMBER,
    NAME,
    NIP,
    RANK_GOLONGAN,
    POSITION,
    POSITION_CLASS,
    PAYROLL_23,
    ACHIEVEMENT,
    GROSS_RP,
    NET_RP,
    BANK,
    ACCOUNT_NUMBER,
    SIGNATURE,
    TOTAL,
    UNIT_2,
    OFFICERS,
    ACKNOWLEDGED_BY_THE_UNIT_HEAD,
    TREASURER,
];

/// Domain reasons a page may show, for `reason_text`; the English is the domain's wording.
pub const REASONS: &[Text] = &[
    R_NO_SUCH_SIGNER,
    R_FIELD_COUNT,
    R_OFFICER_LEFT_ALREADY,
    R_LAST_DAY_BEFORE_START,
    R_LAST_DAY_TOO_FAR,
    R_NOT_A_STATUS,
    R_GIVE_WHY_LEAVING,
    R_GIVE_LAST_DAY,
    R_NOT_AN_EMAIL,
    R_ADDRESS_OF_ANOTHER_OFFICER,
    R_NOT_AN_NPWP,
    R_NOT_AN_ACCOUNT_NUMBER,
    R_STORED_AS_NUMBER,
    R_REACHES_CLOSED_MONTH,
    R_UNKNOWN_COLUMN,
    R_NAME_1_TO_60,
    R_BELOW_0,
    R_MORE_THAN_10_DEDUCTIONS,
    R_DEDUCTIONS_OVER_100,
    R_NOT_A_GROUP,
    R_NOT_A_SAMPLE_RULE,
    R_OFFICER_LEFT,
    R_SHEET_TOO_LARGE,
    R_UNREADABLE_WORKBOOK,
    R_NO_SHEET,
    R_UNITS_SHARE_A_NAME,
    R_NOT_A_UNIT,
    R_NOT_RUPIAH,
    R_CLASS_LENGTH,
    R_REQUIRED,
    IS_REQUIRED,
    R_IS_EMPTY,
    R_TOO_LONG,
    R_CHOOSE_ELEMENT,
    R_NOT_A_DATE,
    R_COLUMN_TWICE,
    R_COLUMN_MISSING,
    R_START_BEFORE_END,
    R_NOT_A_DECIMAL,
    R_PASSWORD_LENGTH,
    R_PASSWORD_VARIETY,
    R_USERNAME,
    R_UNIT_ADMIN_NEEDS_UNIT,
    R_OFFICER_NEEDS_NIP,
    R_NOT_A_MONTH,
    R_NOT_A_MONTH_OCTOBER,
    R_NOT_A_FACTOR,
    R_NOT_BETWEEN,
    R_FLOOR_ABOVE_CAP,
    R_WEIGHTS_SUM,
    R_NO_COLUMN,
    R_APPEARS_TWICE,
    R_NOT_A_NIP,
    R_NIP_TWICE,
    R_NOT_A_CODE,
    R_LONGER_THAN,
    R_UNKNOWN_UNIT,
    R_ALREADY_ON_LINE,
    R_NOT_A_WHOLE_NUMBER,
    R_NOT_YES_NO,
    R_NOT_A_DATE_VALUE,
    R_NOT_A_CONFIDENCE,
    R_NOT_A_TRUST,
    R_TWO_BANDS,
    R_NOT_A_RULE,
    R_TOO_MANY_PLACES,
    R_BEFORE_EFFECTIVE_FROM,
    R_VERSION_LENGTH,
    R_STEPS_NEED_A_BAND,
];

pub const NOT_A_VILLAGE: Text = Text {
    id: "{} bukan desa atau kelurahan di kabupaten ini.",
    en: "{} is not a village of this regency.",
};
pub const VILLAGE_NOT_IN_THE_DISTRICT: Text = Text {
    id: "Desa atau kelurahan itu tidak berada di kecamatan forum ini.",
    en: "That village is not in this forum's district.",
};
pub const VILLAGE_OR_KELURAHAN: Text = Text {
    id: "Desa/kelurahan",
    en: "Village",
};
pub const ADDRESS_IN_THE_VILLAGE: Text = Text {
    id: "Alamat (dusun, RT/RW, patokan)",
    en: "Address (hamlet, RT/RW, landmark)",
};
pub const SPOT_ON_THE_MAP_OPTIONAL: Text = Text {
    id: "Titik lokasi (boleh dikosongkan)",
    en: "Spot on the map (optional)",
};
pub const SPOT_HINT: Text = Text {
    id: "Dari peta di ponsel, misalnya lintang −8,2712 dan bujur 111,7153.",
    en: "From a phone's map, for example latitude −8.2712 and longitude 111.7153.",
};
pub const LATITUDE: Text = Text {
    id: "Lintang",
    en: "Latitude",
};
pub const LONGITUDE: Text = Text {
    id: "Bujur",
    en: "Longitude",
};
pub const SPOT: Text = Text {
    id: "Titik lokasi",
    en: "Spot on the map",
};
pub const IS_NOT_A_SPOT: Text = Text {
    id: "bukan lintang dan bujur yang sah",
    en: "is not a valid latitude and longitude",
};
pub const CHOOSE_THE_VILLAGE: Text = Text {
    id: "Pilih desa atau kelurahan.",
    en: "Choose the village.",
};
pub const NO_VILLAGES_YET: Text = Text {
    id: "Belum ada daftar desa dan kelurahan: impor berkas desa di halaman impor organisasi lebih dulu.",
    en: "No villages yet: import the villages file on the organisation import page first.",
};
pub const MAP_OF_PROPOSALS: Text = Text {
    id: "Peta usulan Musrena",
    en: "Map of Musrena proposals",
};
pub const MAP_LEAD: Text = Text {
    id: "Setiap desa dan kelurahan diwarnai menurut usulannya. Garis tebal adalah batas kecamatan. Angka yang sama ada di tabel di bawah peta.",
    en: "Each village is shaded by its proposals. Thick lines are district borders. The same figures are in the table below the map.",
};
pub const SHADE_BY: Text = Text {
    id: "Warnai menurut:",
    en: "Shade by:",
};
pub const NUMBER_OF_PROPOSALS: Text = Text {
    id: "Jumlah usulan",
    en: "Number of proposals",
};
pub const BUDGETED_RUPIAH: Text = Text {
    id: "Rupiah dianggarkan",
    en: "Budgeted rupiah",
};
pub const YEAR: Text = Text {
    id: "Tahun:",
    en: "Year:",
};
pub const ALL_YEARS: Text = Text {
    id: "Semua tahun",
    en: "All years",
};
pub const NO_VILLAGE_BOUNDARIES_YET: Text = Text {
    id: "Batas desa belum diimpor, jadi peta belum bisa digambar. Angkanya ada di tabel di bawah.",
    en: "Village boundaries have not been imported yet, so the map cannot be drawn. The figures are in the table below.",
};
pub const NONE_YET: Text = Text {
    id: "Belum ada",
    en: "None yet",
};
pub const MAP_DATA_AS_GEOJSON: Text = Text {
    id: "Data peta untuk aplikasi peta (GeoJSON)",
    en: "Map data for mapping software (GeoJSON)",
};
pub const VILLAGES_AS_A_TABLE: Text = Text {
    id: "Usulan per desa dan kelurahan",
    en: "Proposals per village",
};
pub const ALL_VILLAGES: Text = Text {
    id: "semua desa",
    en: "all villages",
};
pub const YEAR_PROPOSED: Text = Text {
    id: "Tahun diusulkan",
    en: "Year proposed",
};
pub const SEE_THE_MAP: Text = Text {
    id: "Lihat peta usulan per desa",
    en: "See the map of proposals per village",
};
pub const VILLAGES_WITHOUT_PROPOSALS: Text = Text {
    id: "Desa dan kelurahan yang belum punya usulan: {}.",
    en: "Villages without proposals yet: {}.",
};
pub const PROGRESS_OF_THE_WORK: Text = Text {
    id: "Kemajuan pekerjaan",
    en: "Progress of the work",
};
pub const PERCENT_DONE: Text = Text {
    id: "{} % selesai",
    en: "{} % done",
};
pub const SPENT_OF_THE_BUDGET: Text = Text {
    id: "Terpakai Rp{} dari anggaran Rp{}",
    en: "Spent Rp{} of the Rp{} budget",
};
pub const NO_PROGRESS_YET: Text = Text {
    id: "Belum ada laporan kemajuan.",
    en: "No progress reported yet.",
};
pub const RECORD_PROGRESS: Text = Text {
    id: "Catat kemajuan pekerjaan",
    en: "Record progress of the work",
};
pub const PERCENT_OF_THE_WORK_DONE: Text = Text {
    id: "Persen pekerjaan selesai (0–100)",
    en: "Percent of the work done (0–100)",
};
pub const SPENT_SO_FAR_RP: Text = Text {
    id: "Terpakai sampai saat ini (Rp)",
    en: "Spent so far (Rp)",
};
pub const WORK_PROGRESS_NOTE: Text = Text {
    id: "Catatan (apa yang sudah dikerjakan)",
    en: "Note (what has been done)",
};
pub const SAVE_THE_PROGRESS: Text = Text {
    id: "Simpan kemajuan",
    en: "Save the progress",
};
pub const COMPLETION_WARNING: Text = Text {
    id: "Kemajuan 100 % menandai usulan selesai dibangun. Ini tidak bisa dibatalkan.",
    en: "Progress of 100 % marks the proposal as built. This cannot be undone.",
};
pub const CONFIRM_COMPLETION: Text = Text {
    id: "Ya, pekerjaan sudah selesai",
    en: "Yes, the work is finished",
};
pub const CONFIRM_COMPLETION_HINT: Text = Text {
    id: "Centang untuk menyimpan. Pilih fotonya lagi bila ada: berkas tidak bisa diisikan ulang oleh peramban.",
    en: "Tick to save. Choose the photo again if there is one: a browser cannot refill a file.",
};
pub const PROGRESS_SAVED: Text = Text {
    id: "Kemajuan tersimpan.",
    en: "Progress saved.",
};
pub const PROGRESS_NOT_BUDGETED: Text = Text {
    id: "Kemajuan hanya dicatat untuk usulan yang sudah dianggarkan dan belum selesai.",
    en: "Progress is recorded only for budgeted proposals that are not finished.",
};
pub const PROGRESS_BEFORE_BUDGET: Text = Text {
    id: "Tanggalnya sebelum usulan dianggarkan ({}).",
    en: "The date is before the proposal was budgeted ({}).",
};
pub const PROGRESS_BEFORE_LAST: Text = Text {
    id: "Tanggalnya sebelum laporan terakhir ({}).",
    en: "The date is before the last report ({}).",
};
pub const PROGRESS_LESS_DONE: Text = Text {
    id: "Persen selesai tidak boleh turun dari {} %.",
    en: "The percent done cannot go down from {} %.",
};
pub const PROGRESS_LESS_SPENT: Text = Text {
    id: "Yang terpakai tidak boleh turun dari Rp{}.",
    en: "The amount spent cannot go down from Rp{}.",
};
pub const PROGRESS_OVER_BUDGET: Text = Text {
    id: "Yang terpakai melebihi anggaran Rp{}.",
    en: "The amount spent is more than the Rp{} budget.",
};
pub const IS_IN_THE_FUTURE: Text = Text {
    id: "belum terjadi (tanggal di masa depan)",
    en: "is in the future",
};
pub const IS_NOT_A_PERCENT: Text = Text {
    id: "harus bilangan bulat 0 sampai 100",
    en: "must be a whole number from 0 to 100",
};
pub const COMPLETED: Text = Text {
    id: "Selesai dibangun",
    en: "Completed",
};
pub const RANKING_RULE_EXPLAINED: Text = Text {
    id: "Aturan pemeringkatan versi {}: nilai tiap kriteria 1–5 (bobot: {}) digabung dengan suara peserta ({} %). Nilai sama dipisahkan oleh: suara lebih banyak, nilai kriteria lebih tinggi, biaya lebih rendah, diajukan lebih dulu, lalu kode.",
    en: "Ranking rule version {}: scores 1–5 per criterion (weights: {}) combined with the participants' votes ({} %). Ties go to more votes, a higher criteria score, a lower cost, earlier submission, then the code.",
};
pub const PROPOSAL_RETURNED: Text = Text {
    id: "Dikembalikan",
    en: "Returned",
};
pub const PROPOSAL_CANCELLED: Text = Text {
    id: "Dibatalkan",
    en: "Cancelled",
};
pub const RETURN_TO_BE_HANDLED_ELSEWHERE: Text = Text {
    id: "Kembalikan (ditangani di tempat lain, misalnya dana desa)",
    en: "Return (handled elsewhere, for example by village funds)",
};
pub const CANCEL_THE_PROPOSAL: Text = Text {
    id: "Batalkan",
    en: "Cancel",
};
pub const REASON_REQUIRED_TO_STOP: Text = Text {
    id: "Alasan (wajib bila ditolak, dikembalikan atau dibatalkan)",
    en: "Reason (required to reject, return or cancel)",
};
pub const RETURN_THESE_PROPOSALS: Text = Text {
    id: "Kembalikan usulan ini?",
    en: "Return these proposals?",
};
pub const CANCEL_THESE_PROPOSALS: Text = Text {
    id: "Batalkan usulan ini?",
    en: "Cancel these proposals?",
};
pub const YES_RETURN: Text = Text {
    id: "Ya, kembalikan",
    en: "Yes, return",
};
pub const YES_CANCEL: Text = Text {
    id: "Ya, batalkan",
    en: "Yes, cancel",
};
pub const STOPPING_IS_FINAL: Text = Text {
    id: "Ini bersifat final: usulan tidak dapat dilanjutkan lagi, dan alasannya ditampilkan kepada publik di halaman pelacakan usulan.",
    en: "This is final: the proposals cannot go any further, and the reason is shown to the public on each proposal's tracking page.",
};
pub const ACTIVITY_FROM_THE_CATALOGUE: Text = Text {
    id: "Kegiatan dari kamus usulan",
    en: "Activity from the catalogue",
};
pub const NOT_FROM_THE_CATALOGUE: Text = Text {
    id: "– bukan dari kamus usulan –",
    en: "– not from the catalogue –",
};
pub const VOLUME_IN_THE_UNIT_OF_MEASURE: Text = Text {
    id: "Volume (dalam satuan kegiatan, misalnya 12,5)",
    en: "Volume (in the activity's unit of measure, for example 12.5)",
};
pub const STRATEGIC_ISSUE: Text = Text {
    id: "Isu strategis",
    en: "Strategic issue",
};
pub const COST_REASON: Text = Text {
    id: "Alasan biaya (hanya bila berbeda dari volume × harga satuan)",
    en: "Reason for the cost (only when it differs from volume × unit price)",
};
pub const COST_FROM_VOLUME_HINT: Text = Text {
    id: "Bila kegiatan dipilih dari kamus, perkiraan biaya dihitung dari volume × harga satuan; kosongkan agar dihitung.",
    en: "With an activity from the catalogue the estimated cost is volume × unit price; leave it empty to have it computed.",
};
pub const NOT_IN_THE_CATALOGUE: Text = Text {
    id: "{} tidak ada di kamus usulan.",
    en: "{} is not in the catalogue of activities.",
};
pub const NOT_A_STRATEGIC_ISSUE: Text = Text {
    id: "{} bukan isu strategis kabupaten.",
    en: "{} is not one of the regency's strategic issues.",
};
pub const LEVEL_MAY_NOT_PROPOSE: Text = Text {
    id: "Kegiatan ini tidak boleh diusulkan oleh forum tingkat ini.",
    en: "A forum of this level may not propose this activity.",
};
pub const ACTIVITY_NEEDS_A_VOLUME: Text = Text {
    id: "Kegiatan dari kamus memerlukan volume.",
    en: "An activity from the catalogue needs a volume.",
};
pub const COST_DIFFERS_GIVE_A_REASON: Text = Text {
    id: "Perkiraan biaya berbeda dari volume × harga satuan (Rp{}): kosongkan agar dihitung, atau (perencana) tuliskan alasannya.",
    en: "The estimated cost differs from volume × unit price (Rp{}): leave it empty to have it computed, or (planners) give the reason.",
};
pub const COST_TOO_LARGE: Text = Text {
    id: "Volume × harga satuan terlalu besar untuk anggaran.",
    en: "Volume × unit price is more than a budget can hold.",
};
pub const IS_NOT_A_VOLUME: Text = Text {
    id: "harus angka lebih dari nol dengan paling banyak tiga desimal",
    en: "must be a number above zero with at most three decimals",
};
pub const RECOMMENDATIONS: Text = Text {
    id: "Rekomendasi tiap tingkat",
    en: "Recommendations of each level",
};
pub const RECORD_A_RECOMMENDATION: Text = Text {
    id: "Catat rekomendasi",
    en: "Record a recommendation",
};
pub const RECOMMENDING_LEVEL: Text = Text {
    id: "Tingkat yang merekomendasikan",
    en: "Level recommending",
};
pub const RESPONSIBLE_UNIT_OPD: Text = Text {
    id: "Perangkat daerah (OPD)",
    en: "Responsible unit (OPD)",
};
pub const BUDGET_TEAM_TAPD: Text = Text {
    id: "Tim anggaran (TAPD)",
    en: "Budget team (TAPD)",
};
pub const RECOMMENDED_VOLUME: Text = Text {
    id: "Volume yang direkomendasikan",
    en: "Recommended volume",
};
pub const RECOMMENDED_AMOUNT_RP: Text = Text {
    id: "Anggaran yang direkomendasikan (Rp)",
    en: "Recommended amount (Rp)",
};
pub const RECOMMENDATION_TEXT: Text = Text {
    id: "Keterangan rekomendasi",
    en: "Recommendation",
};
pub const SAVE_THE_RECOMMENDATION: Text = Text {
    id: "Simpan rekomendasi",
    en: "Save the recommendation",
};
pub const RECOMMENDATION_SAVED: Text = Text {
    id: "Rekomendasi tersimpan.",
    en: "Recommendation saved.",
};
pub const CHOOSE_THE_RECOMMENDING_LEVEL: Text = Text {
    id: "Pilih tingkat yang merekomendasikan.",
    en: "Choose the level recommending.",
};
pub const NO_RECOMMENDATION_YET: Text = Text {
    id: "Belum ada rekomendasi.",
    en: "No recommendation yet.",
};
pub const PER_SDG_GOAL: Text = Text {
    id: "Per tujuan SDGs yang dilayani",
    en: "Per SDG goal served",
};
pub const SDG_GOAL_N: Text = Text {
    id: "Tujuan {}",
    en: "Goal {}",
};
pub const PROPOSAL_MERGED: Text = Text {
    id: "Digabung",
    en: "Merged",
};
pub const PROPOSAL_SPLIT: Text = Text {
    id: "Dipecah",
    en: "Split",
};
pub const MERGED_FROM_OTHERS: Text = Text {
    id: "Gabungan dari usulan lain",
    en: "Merged from other proposals",
};
pub const SPLIT_FROM_ANOTHER: Text = Text {
    id: "Bagian dari pemecahan usulan",
    en: "Part of a split proposal",
};
pub const MERGED_INTO: Text = Text {
    id: "Usulan ini digabung ke",
    en: "This proposal was merged into",
};
pub const MERGED_FROM: Text = Text {
    id: "Usulan ini gabungan dari",
    en: "This proposal merges",
};
pub const SPLIT_INTO: Text = Text {
    id: "Usulan ini dipecah menjadi",
    en: "This proposal was split into",
};
pub const SPLIT_FROM: Text = Text {
    id: "Usulan ini bagian dari",
    en: "This proposal is part of",
};
pub const MERGES_AND_SPLITS: Text = Text {
    id: "Digabung atau dipecah",
    en: "Merged or split",
};
pub const DISTRICT_MUSRENBANG_MERGE: Text = Text {
    id: "Gabungkan usulan di musrenbang kecamatan",
    en: "Merge proposals at the district musrenbang",
};
pub const MERGE_INTRO: Text = Text {
    id: "Usulan dari beberapa desa untuk kebutuhan yang sama dapat digabung menjadi satu. Kelompok pengusul, penerima manfaat dan target SDGs digabungkan; usulan asal tetap bisa dilacak dan menunjuk ke usulan gabungan.",
    en: "Proposals from several villages for the same need can be merged into one. Proposing groups, beneficiaries and SDG targets are joined; the originals stay trackable and point to the merged proposal.",
};
pub const NO_PROPOSALS_AT_THE_DISTRICT: Text = Text {
    id: "Belum ada usulan di musrenbang kecamatan ini.",
    en: "No proposals at this district musrenbang yet.",
};
pub const THE_MERGED_PROPOSAL: Text = Text {
    id: "Usulan gabungan",
    en: "The merged proposal",
};
pub const MERGE_THE_CHOSEN: Text = Text {
    id: "Gabungkan usulan yang dipilih",
    en: "Merge the chosen proposals",
};
pub const MERGE_THESE_PROPOSALS: Text = Text {
    id: "Gabungkan usulan ini?",
    en: "Merge these proposals?",
};
pub const YES_MERGE: Text = Text {
    id: "Ya, gabungkan",
    en: "Yes, merge",
};
pub const MERGING_IS_FINAL: Text = Text {
    id: "Usulan asal berakhir sebagai digabung dan tidak dapat dilanjutkan sendiri; halaman pelacakannya menunjuk ke usulan gabungan.",
    en: "The originals end as merged and cannot go on by themselves; their tracking pages point to the merged proposal.",
};
pub const SPLIT_THIS_PROPOSAL: Text = Text {
    id: "Pecah usulan ini",
    en: "Split this proposal",
};
pub const SPLIT_INTRO: Text = Text {
    id: "Bila usulan berisi beberapa kebutuhan, pecah menjadi dua bagian. Masalah, sektor, lokasi dan kelompok pengusul disalin ke tiap bagian.",
    en: "When a proposal holds several needs, split it into two parts. Problem, sector, place and proposing groups are copied to each part.",
};
pub const PART_N: Text = Text {
    id: "Bagian {}",
    en: "Part {}",
};
pub const SPLIT_INTO_THESE_PARTS: Text = Text {
    id: "Pecah usulan menjadi bagian ini?",
    en: "Split the proposal into these parts?",
};
pub const YES_SPLIT: Text = Text {
    id: "Ya, pecah",
    en: "Yes, split",
};
pub const SPLITTING_IS_FINAL: Text = Text {
    id: "Usulan asal berakhir sebagai dipecah; halaman pelacakannya menunjuk ke bagian-bagiannya.",
    en: "The original ends as split; its tracking page points to its parts.",
};
pub const CHOOSE_TWO_OR_MORE: Text = Text {
    id: "Pilih dua usulan atau lebih dari kecamatan yang sama.",
    en: "Choose two or more proposals of the same district.",
};
pub const NOT_AT_THE_DISTRICT_MUSRENBANG: Text = Text {
    id: "Usulan {} tidak berada di musrenbang kecamatan.",
    en: "Proposal {} is not at the district musrenbang.",
};
pub const OFFLINE_FORUM: Text = Text {
    id: "Forum tanpa sinyal dan suara yang dibantu",
    en: "Forum without signal, and assisted votes",
};
pub const OFFLINE_FORUM_INTRO: Text = Text {
    id: "Buka halaman ini sebelum berangkat ke desa dan biarkan terbuka. Usulan dan suara yang dicatat disimpan di perangkat ini dan dikirim sendiri saat ada sinyal, masing-masing satu kali.",
    en: "Open this page before leaving for the village and keep it open. Proposals and votes recorded here are kept on this device and sent by themselves when there is signal, each once.",
};
pub const OFFLINE_WAITING: Text = Text {
    id: "{n} catatan menunggu dikirim.",
    en: "{n} records waiting to be sent.",
};
pub const OFFLINE_ALL_SENT: Text = Text {
    id: "Semua catatan sudah terkirim.",
    en: "Every record has been sent.",
};
pub const OFFLINE_REFUSED: Text = Text {
    id: "Catatan yang ditolak server",
    en: "Records the server refused",
};
pub const ASSISTED_VOTES: Text = Text {
    id: "Suara peserta yang dibantu",
    en: "Assisted votes",
};
pub const ASSISTED_VOTES_INTRO: Text = Text {
    id: "Untuk peserta yang tidak dapat mengisi formulir: catat jumlah suara per kelompok, tanpa nama.",
    en: "For participants who cannot use a form: record the number of votes per group, without names.",
};
pub const NUMBER_OF_VOTES: Text = Text {
    id: "Jumlah suara",
    en: "Number of votes",
};
pub const RECORD_THE_VOTES: Text = Text {
    id: "Catat suara",
    en: "Record the votes",
};
pub const OPEN_THE_OFFLINE_FORUM: Text = Text {
    id: "Buka mode forum tanpa sinyal dan suara yang dibantu",
    en: "Open the forum mode for no signal and assisted votes",
};
pub const VOTES_MUST_BE_A_NUMBER: Text = Text {
    id: "Jumlah suara harus bilangan bulat 1 sampai 10.000.",
    en: "The number of votes must be a whole number from 1 to 10,000.",
};
pub const CHOOSE_A_PROPOSAL_AND_GROUP: Text = Text {
    id: "Pilih usulan dan kelompok.",
    en: "Choose a proposal and a group.",
};
pub const NOT_A_VALID_KEY: Text = Text {
    id: "Catatan ini tidak punya kunci yang sah; muat ulang halaman.",
    en: "This record has no valid key; reload the page.",
};
pub const ASSISTED_VOTES_BY_GROUP: Text = Text {
    id: "Suara yang dibantu per kelompok",
    en: "Assisted votes per group",
};
pub const PHOTOS_UP_TO_THREE: Text = Text {
    id: "Foto (paling banyak 3; JPEG, PNG atau WebP, masing-masing paling besar 5 MB; tidak wajib)",
    en: "Photos (at most 3; JPEG, PNG or WebP, each up to 5 MB; optional)",
};
pub const COST_BREAKDOWN_RAB: Text = Text {
    id: "Rincian anggaran biaya (RAB): PDF atau xlsx, paling besar 5 MB; tidak wajib",
    en: "Cost breakdown (RAB): PDF or xlsx, up to 5 MB; optional",
};
pub const AT_MOST_THREE_PHOTOS: Text = Text {
    id: "Paling banyak 3 foto.",
    en: "At most 3 photos.",
};
pub const RAB_MUST_BE_PDF_OR_XLSX: Text = Text {
    id: "Rincian anggaran biaya harus PDF atau xlsx, paling besar 5 MB.",
    en: "The cost breakdown must be a PDF or xlsx file of at most 5 MB.",
};
pub const COST_BREAKDOWN: Text = Text {
    id: "Rincian anggaran biaya (RAB)",
    en: "Cost breakdown (RAB)",
};
pub const ACTIVITY_VOLUME: Text = Text {
    id: "Volume kegiatan",
    en: "Activity volume",
};
pub const ONLY_PLANNERS_CHANGE_THE_COST: Text = Text {
    id: "Hanya perencana (Bappeda) yang dapat mengubah perkiraan biaya dari volume × harga satuan.",
    en: "Only planners (Bappeda) may change the estimated cost from volume × unit price.",
};
pub const IS_NOT_A_DATE: Text = Text {
    id: "bukan tanggal yang sah",
    en: "is not a valid date",
};
pub const CHOOSE_YOUR_REGENCY: Text = Text {
    id: "Pilih kabupaten atau kota Anda",
    en: "Choose your regency or city",
};
pub const THIS_ADDRESS_SERVES_SEVERAL_REGENCIES: Text = Text {
    id: "Alamat ini melayani beberapa kabupaten dan kota. Pilih tempat layanan yang Anda terima:",
    en: "This address serves several regencies and cities. Choose where you were served:",
};
pub const REGENCY_OR_CITY: Text = Text {
    id: "Kabupaten/kota",
    en: "Regency/city",
};
pub const SERVICE_CODE: Text = Text {
    id: "Kode layanan",
    en: "Service code",
};
pub const PROVINCE_VIEW: Text = Text {
    id: "Kepuasan masyarakat se-provinsi",
    en: "Satisfaction across the province",
};
pub const IKM_PER_REGENCY: Text = Text {
    id: "IKM per kabupaten/kota",
    en: "IKM per regency/city",
};
pub const SERVICES_ACROSS_REGENCIES: Text = Text {
    id: "Layanan yang sama di setiap daerah",
    en: "The same service in every regency",
};
pub const DOWNLOAD_EVERY_REGENCY_AND_SERVICE: Text = Text {
    id: "Unduh angka setiap kabupaten/kota dan setiap layanannya: ",
    en: "Download the figures of every regency/city and each of its services: ",
};
pub const NO_REGENCIES_YET: Text = Text {
    id: "Belum ada kabupaten/kota di sini.",
    en: "No regency/city here yet.",
};
pub const COMPARE: Text = Text {
    id: "Bandingkan",
    en: "Compare",
};
pub const SERVICES_ARE_MATCHED_BY_THEIR_CODE: Text = Text {
    id: "Layanan dicocokkan menurut kodenya: daerah yang memakai kode layanan baku provinsi tampil berdampingan.",
    en: "Services are matched by their code: regencies using the province's standard service codes line up.",
};
pub const PROVINCE: Text = Text {
    id: "Provinsi",
    en: "Province",
};
pub const MAIL_APPEAL_FILED_SUBJECT: Text = Text {
    id: "Keberatan baru dari pegawai NIP {}",
    en: "New appeal from officer NIP {}",
};
pub const MAIL_APPEAL_FILED_BODY: Text = Text {
    id: "Pegawai dengan NIP {} mengajukan keberatan atas satu tanggapan survei yang menyebut namanya.\n\nAlasan: {}\n\nInspektorat memutuskan keberatan ini di suara, menu Keberatan TPP. Surel ini dikirim otomatis oleh suara.",
    en: "The officer with NIP {} appealed a survey response naming them.\n\nReason: {}\n\nThe inspectorate decides it in suara, under TPP appeals. This e-mail was sent by suara.",
};
pub const MAIL_APPEAL_DECIDED_SUBJECT: Text = Text {
    id: "Keberatan pegawai NIP {} sudah diputuskan",
    en: "The appeal of officer NIP {} is decided",
};
pub const MAIL_APPEAL_DECIDED_BODY: Text = Text {
    id: "Keberatan pegawai dengan NIP {} sudah diputuskan: {}.\n\nAlasan: {}\n\nRinciannya ada di suara, halaman TPP pegawai. Surel ini dikirim otomatis oleh suara.",
    en: "The appeal of the officer with NIP {} is decided: {}.\n\nReason: {}\n\nThe details are in suara, on the officer's TPP page. This e-mail was sent by suara.",
};
pub const MAIL_APPEAL_UPHELD: Text = Text {
    id: "dikabulkan, tanggapan itu tidak lagi dihitung untuk TPP",
    en: "upheld, the response no longer counts for TPP",
};
pub const MAIL_APPEAL_DISMISSED: Text = Text {
    id: "ditolak, tanggapan itu tetap dihitung",
    en: "dismissed, the response still counts",
};
pub const MAIL_STAGE_SUBJECT: Text = Text {
    id: "Usulan forum {} berpindah tahap",
    en: "Proposals of forum {} moved to a new stage",
};
pub const MAIL_STAGE_BODY: Text = Text {
    id: "Usulan dari forum {} berpindah tahap:\n{}\n\nPerjalanannya dapat diikuti di halaman publik Musrena. Surel ini dikirim otomatis oleh suara.",
    en: "Proposals of forum {} moved to a new stage:\n{}\n\nTheir progress is on the public Musrena pages. This e-mail was sent by suara.",
};
pub const MAIL_DROP_SUBJECT: Text = Text {
    id: "Kepuasan di {} turun tajam pada {}",
    en: "Satisfaction at {} dropped sharply on {}",
};
pub const MAIL_DROP_BODY: Text = Text {
    id: "Kepuasan masyarakat di {} pada {}: IKM {} dari {} tanggapan, sedangkan 28 hari sebelumnya IKM {}.\n\nPeriksa tanggapan dan saran hari itu di dasbor suara, lalu catat rencana tindak lanjut bila perlu. Surel ini dikirim otomatis oleh suara.",
    en: "Public satisfaction at {} on {}: IKM {} from {} responses, against IKM {} over the 28 days before.\n\nLook at that day's responses and suggestions on the suara dashboard, and record a follow-up plan if needed. This e-mail was sent by suara.",
};
pub const MAIL_HOLDS_SUBJECT: Text = Text {
    id: "Tanggapan yang ditahan di {} bertambah pada {}",
    en: "Held responses grew at {} on {}",
};
pub const MAIL_HOLDS_BODY: Text = Text {
    id: "Pada {} tanggal {}, {} tanggapan ditahan untuk diperiksa, sedangkan 28 hari sebelumnya {} seluruhnya.\n\nInspektorat memeriksanya di menu Karantina. Bisa jadi ada yang mencoba mengisi survei berulang-ulang. Surel ini dikirim otomatis oleh suara.",
    en: "At {} on {}, {} responses were held for review, against {} in all over the 28 days before.\n\nThe inspectorate reviews them under Quarantine. Someone may be filling in the survey over and over. This e-mail was sent by suara.",
};
pub const KIOSK_NOT_YET_APPROVED: Text = Text {
    id: "Kios (belum disetujui)",
    en: "Kiosk (not yet approved)",
};
pub const KIOSK_APPROVALS: Text = Text {
    id: "Persetujuan kios",
    en: "Kiosk approvals",
};
pub const KIOSK_APPROVALS_INTRO: Text = Text {
    id: "Jawaban dari kios langsung dihitung untuk SKM yang diumumkan, tetapi baru dihitung untuk TPP setelah kios itu disetujui di sini oleh inspektorat atau BKPSDM. Akun yang mendaftarkan kios tidak dapat menyetujuinya, dan setiap titik layanan hanya boleh punya satu kios yang disetujui. Periksa di tempat bahwa tablet itu memang ada di loket yang disebut sebelum menyetujui.",
    en: "Answers from a kiosk count for the published SKM at once, but for TPP only after the inspectorate or BKPSDM approved the kiosk here. The account that registered a kiosk cannot approve it, and each service point may have one approved kiosk. Check on site that the tablet is at the counter it names before approving.",
};
pub const KIOSKS_AWAITING_APPROVAL: Text = Text {
    id: "Kios yang menunggu persetujuan",
    en: "Kiosks awaiting approval",
};
pub const NO_KIOSK_AWAITS_APPROVAL: Text = Text {
    id: "Tidak ada kios yang menunggu persetujuan.",
    en: "No kiosk awaits approval.",
};
pub const APPROVE_KIOSK: Text = Text {
    id: "Setujui kios ",
    en: "Approve kiosk ",
};
pub const APPROVE_NOW: Text = Text {
    id: "Setujui",
    en: "Approve",
};
pub const APPROVAL: Text = Text {
    id: "Persetujuan",
    en: "Approval",
};
pub const APPROVED_KIOSKS: Text = Text {
    id: "Kios yang disetujui",
    en: "Approved kiosks",
};
pub const KIOSK_APPROVED: Text = Text {
    id: "Kios disetujui: jawabannya kini dihitung juga untuk TPP.",
    en: "Kiosk approved: its answers now count for TPP as well.",
};
pub const CHOOSE_A_KIOSK_AWAITING_APPROVAL: Text = Text {
    id: "Pilih kios yang masih aktif dan menunggu persetujuan.",
    en: "Choose an active kiosk that awaits approval.",
};
pub const THAT_KIOSK_IS_APPROVED_ALREADY: Text = Text {
    id: "Kios itu sudah disetujui.",
    en: "That kiosk is approved already.",
};
pub const YOU_REGISTERED_THAT_KIOSK: Text = Text {
    id: "Anda sendiri yang mendaftarkan kios itu; kios harus disetujui oleh akun lain.",
    en: "You registered that kiosk yourself; another account must approve it.",
};
pub const POINT_HAS_AN_APPROVED_KIOSK: Text = Text {
    id: "Titik layanan ini sudah punya kios yang disetujui. Cabut kios lama lebih dahulu (oleh admin unitnya), lalu setujui yang baru.",
    en: "This service point has an approved kiosk already. Have the unit's admin revoke the old one first, then approve the new one.",
};
pub const AWAITING_APPROVAL: Text = Text {
    id: "menunggu persetujuan; belum dihitung untuk TPP",
    en: "awaiting approval; not counted for TPP yet",
};
pub const APPROVED_BY: Text = Text {
    id: "disetujui oleh ",
    en: "approved by ",
};
pub const MAIL_SIGNING_REFUSED_SUBJECT: Text = Text {
    id: "PERINGATAN: basis data suara {} diubah di luar aplikasi",
    en: "WARNING: suara's database for {} was changed outside the application",
};
pub const MAIL_SIGNING_REFUSED_BODY: Text = Text {
    id: "Server suara menolak menandatangani catatan {} karena catatan di basis data tidak lagi melanjutkan catatan yang sudah ditandatangani sebelumnya. Artinya seseorang yang dapat menulis ke basis data menghapus, mengubah, atau memutar balik catatan yang dapat menentukan TPP.\n\nJangan menjalankan penggajian TPP sampai hal ini diperiksa. Jalankan `suara verify` di server untuk melihat perubahan pertama, pulihkan basis data dari cadangan yang lolos pemeriksaan itu, lalu laporkan ke inspektorat. Tanggapan dan halaman publik tetap dilayani.\n\nRincian teknis untuk pengelola server: {}\n\nSurel ini dikirim otomatis oleh suara.",
    en: "The suara server refused to sign the log of {} because the records in the database no longer extend the ones it signed before. Someone who can write the database deleted, changed or rolled back records that can decide TPP.\n\nDo not run a TPP payroll until this is looked into. Run `suara verify` on the server to see the first change, restore the database from a backup that passes it, and tell the inspectorate. Responses and public pages are still served.\n\nTechnical details for the server's operator: {}\n\nThis e-mail was sent by suara.",
};

pub const DAYS_WITH_RESPONSES: Text = Text {
    id: " hari dengan tanggapan",
    en: " days with responses",
};
pub const WHAT_WOULD_CHANGE_IT: Text = Text {
    id: "Yang dapat mengubahnya: ",
    en: "What would change it: ",
};
pub const MORE_RESPONSES: Text = Text {
    id: " tanggapan lagi",
    en: " more responses",
};
pub const RESPONSES_ON: Text = Text {
    id: "tanggapan pada ",
    en: "responses on ",
};
pub const MORE_DAYS: Text = Text {
    id: " hari lagi",
    en: " more days",
};
pub const THE_KREJCIE_MORGAN_SAMPLE_FOR: Text = Text {
    id: " (sampel Krejcie–Morgan untuk ",
    en: " (the Krejcie–Morgan sample for ",
};
pub const SERVICE_USERS_A_MONTH: Text = Text {
    id: " pengguna layanan per bulan)",
    en: " service users a month)",
};
pub const THEY_WERE_GIVEN_ON: Text = Text {
    id: "Tanggapan itu diberikan pada ",
    en: "They were given on ",
};
pub const DISTINCT_DAYS_THE_RULE_ASKS_FOR: Text = Text {
    id: " hari berbeda; aturan meminta sedikitnya ",
    en: " distinct days; the rule asks for at least ",
};
pub const DAYS_SO_THAT_ONE_DAY_CANNOT_DECIDE: Text = Text {
    id: " hari, agar satu hari tidak menentukan sebulan.",
    en: " days, so that one day cannot decide a month.",
};
pub const UNITS_JUDGED_ON_TOO_LITTLE_EVIDENCE: Text = Text {
    id: "unit dinilai dengan bukti belum cukup; TPP pegawainya tidak dikurangi karena kepuasan:",
    en: "units were judged on too little evidence; their officers' TPP is not reduced for satisfaction:",
};
pub const TO_HAVE_ENOUGH_EVIDENCE: Text = Text {
    id: "Agar bukti cukup: pasang kios atau tiket antrean sehingga lebih banyak warga menilai, sepanjang bulan.",
    en: "To have enough evidence: set up kiosks or queue tickets so that more citizens rate, throughout the month.",
};
pub const CONTINUE: Text = Text {
    id: "Lanjutkan",
    en: "Continue",
};
pub const DEPARTURE_RETIRED: Text = Text {
    id: "Pensiun",
    en: "Retired",
};
pub const DEPARTURE_DIED: Text = Text {
    id: "Meninggal dunia",
    en: "Died",
};
pub const DEPARTURE_TRANSFERRED_OUT: Text = Text {
    id: "Pindah ke luar daerah",
    en: "Transferred out of the regency",
};
pub const DEPARTURE_DISMISSED: Text = Text {
    id: "Diberhentikan",
    en: "Dismissed",
};
pub const DEPARTURE_OTHER: Text = Text {
    id: "Alasan lain",
    en: "Another reason",
};
pub const CHOOSE_WHY_THE_OFFICER_LEAVES: Text = Text {
    id: "Pilih alasan pegawai berhenti",
    en: "Choose why the officer leaves",
};
pub const THE_LAST_DAY_IS_BEFORE_THE_ASSIGNMENT: Text = Text {
    id: "Hari kerja terakhir harus sesudah awal penugasannya sekarang",
    en: "The last working day must be after the start of their current assignment",
};
pub const THE_LAST_DAY_IS_MORE_THAN_A_YEAR_AHEAD: Text = Text {
    id: "Hari kerja terakhir paling lama setahun dari hari ini",
    en: "The last working day must be within a year from today",
};
pub const THE_LAST_DAY_IS_NOT_A_DATE: Text = Text {
    id: "Hari kerja terakhir harus tanggal yang benar, misalnya 31 Desember 2026",
    en: "The last working day must be a real date, for example 31 December 2026",
};
pub const ENTER_THE_LAST_WORKING_DAY: Text = Text {
    id: "Isi hari kerja terakhir",
    en: "Enter the last working day",
};
pub const AN_OFFICER_LEAVES: Text = Text {
    id: "Pegawai berhenti:",
    en: "An officer leaves:",
};
pub const THIS_OFFICER_HAS_LEFT_ALREADY: Text = Text {
    id: "Pegawai ini sudah berhenti; riwayat penugasannya ada di halaman pegawai. Bila ia kembali bertugas, impor lagi datanya.",
    en: "This officer has left already; their assignments are on the officer's page. If they return to work, import their data again.",
};
pub const FROM_THE_NEXT_DAY_NOBODY_CAN_RATE: Text = Text {
    id: "Untuk pegawai yang pensiun, meninggal dunia, pindah ke luar daerah atau diberhentikan. Mulai hari sesudah hari kerja terakhirnya, warga tidak dapat lagi menilainya dan ia tidak masuk perhitungan TPP bulan yang berakhir sesudah hari itu. Riwayat, tanggapan dan TPP yang sudah dihitung tetap tersimpan.",
    en: "For an officer who retires, dies, transfers out of the regency or is dismissed. From the day after their last working day, citizens can no longer rate them and they are not in the TPP of any month that ends after it. Their history, answers and TPP already computed are kept.",
};
pub const LAST_WORKING_DAY: Text = Text {
    id: "Hari kerja terakhir",
    en: "Last working day",
};
pub const END_THE_ASSIGNMENT_OF: Text = Text {
    id: "Akhiri penugasan",
    en: "End the assignment of",
};
pub const A_DEPARTURE_CANNOT_BE_UNDONE_HERE: Text = Text {
    id: "Sesudah hari itu ia tidak dapat dinilai dan tidak dibayar TPP. Ini tidak dapat dibatalkan di sini; bila ia kembali bertugas, impor lagi datanya dengan tanggal mulai yang baru.",
    en: "After that day they cannot be rated and are not paid TPP. This cannot be undone here; if they return to work, import their data again with a new start date.",
};
pub const YES_END_THE_ASSIGNMENT: Text = Text {
    id: "Ya, akhiri penugasan",
    en: "Yes, end the assignment",
};
pub const RECORD_THAT_THIS_OFFICER_LEAVES: Text = Text {
    id: "Catat pegawai berhenti (pensiun, meninggal dunia, pindah)",
    en: "Record that this officer leaves (retirement, death, transfer)",
};
pub const LEFT_THE_SERVICE: Text = Text {
    id: "Berhenti",
    en: "Left",
};
pub const COLUMNS_NOT_USED: Text = Text {
    id: "Kolom yang tidak dipakai (tidak dibaca): ",
    en: "Columns not used (not read): ",
};
pub const SEE_ITS_EFFECT_FIRST: Text = Text {
    id: "Lihat dampaknya dulu",
    en: "See its effect first",
};
pub const WHAT_THIS_POLICY_WOULD_HAVE_PAID: Text = Text {
    id: "Dampak kebijakan ini pada bulan yang sudah dihitung",
    en: "What this policy would have paid in the months computed",
};
pub const COMPUTED_FROM_TODAY_S_DATA_NOTHING_SAVED: Text = Text {
    id: "Dihitung dari data sekarang, seperti perhitungan ulang akan menghitungnya, di samping perhitungan yang berlaku. Tidak ada yang disimpan.",
    en: "Computed from today's data, as a new computation would, beside the run in force. Nothing is saved.",
};
pub const UNDER_THIS_POLICY: Text = Text {
    id: "Dengan kebijakan ini",
    en: "Under this policy",
};
pub const OFFICERS_CHANGED: Text = Text {
    id: "Pegawai berubah",
    en: "Officers changed",
};
pub const ON_TOO_LITTLE_EVIDENCE: Text = Text {
    id: "Bukti belum cukup",
    en: "Too little evidence",
};
pub const BY_UNIT_IN: Text = Text {
    id: "Per unit, ",
    en: "By unit, ",
};
pub const NO_UNIT_S_TOTAL_CHANGES: Text = Text {
    id: "Tidak ada unit yang jumlahnya berubah.",
    en: "No unit's total changes.",
};
pub const NO_MONTH_COMPUTED_YET: Text = Text {
    id: "Belum ada bulan yang dihitung; dampaknya terlihat setelah perhitungan pertama.",
    en: "No month has been computed yet; the effect shows after the first run.",
};
pub const THIS_POLICY_IS_VALID_AND_NOT_SAVED_YET: Text = Text {
    id: "Kebijakan ini benar dan belum disimpan. Dampaknya ada di bawah.",
    en: "This policy is valid and not saved yet. Its effect is below.",
};
pub const ASSIGNMENT_ENDED: Text = Text {
    id: "penugasan diakhiri",
    en: "assignment ended",
};
pub const ASSIGNED_FROM: Text = Text {
    id: "Mulai bertugas",
    en: "Assigned from",
};
pub const R_NOT_A_SAMPLE_RULE: Text = Text {
    id: "'{}' bukan krejcie_morgan atau min_responses",
    en: "'{}' is not krejcie_morgan or min_responses",
};
pub const R_OFFICER_LEFT_ALREADY: Text = Text {
    id: "pegawai sudah berhenti pada {}",
    en: "the officer left on {} already",
};
pub const R_LAST_DAY_BEFORE_START: Text = Text {
    id: "{} sebelum penugasan dimulai ({})",
    en: "{} is before the assignment starts ({})",
};
pub const R_LAST_DAY_TOO_FAR: Text = Text {
    id: "{} lebih dari setahun ke depan",
    en: "{} is more than a year ahead",
};
pub const R_NOT_A_STATUS: Text = Text {
    id: "'{}' bukan status: aktif, pensiun, meninggal, mutasi keluar, diberhentikan, atau CLTN",
    en: "'{}' is not a status: aktif, pensiun, meninggal, mutasi keluar, diberhentikan or CLTN",
};
pub const R_GIVE_WHY_LEAVING: Text = Text {
    id: "isi alasan pegawai berhenti: pensiun, meninggal, mutasi keluar, diberhentikan, atau CLTN",
    en: "give why the officer leaves: pensiun, meninggal, mutasi keluar, diberhentikan or CLTN",
};
pub const R_GIVE_LAST_DAY: Text = Text {
    id: "isi hari kerja terakhir pegawai",
    en: "give the officer's last working day",
};
pub const OFFICERS_WHO_LEAVE: Text = Text {
    id: "Pegawai yang berhenti",
    en: "Officers who leave",
};
pub const DEPARTURE_UNPAID_LEAVE: Text = Text {
    id: "Cuti di luar tanggungan negara",
    en: "Unpaid leave (CLTN)",
};
pub const R_FIELD_COUNT: Text = Text {
    id: "diharapkan {} kolom seperti baris judul, ternyata {}",
    en: "expected {} fields like the header, found {}",
};
pub const R_NO_SUCH_SIGNER: Text = Text {
    id: "tidak ada pegawai dengan NIP {}: impor dulu daftar pegawainya, atau sekaligus",
    en: "no officer has NIP {}: import them in the officers' list first or with it",
};
pub const UNIT_HEAD_NIP: Text = Text {
    id: "NIP kepala unit",
    en: "Unit head's NIP",
};
pub const TREASURER_NIP: Text = Text {
    id: "NIP bendahara",
    en: "Treasurer's NIP",
};
pub const RESET_YOUR_PASSWORD: Text = Text {
    id: "Atur ulang kata sandi",
    en: "Reset your password",
};
pub const FORGOT_YOUR_PASSWORD: Text = Text {
    id: "Lupa kata sandi?",
    en: "Forgot your password?",
};
pub const FORGOT_PASSWORD_INTRO: Text = Text {
    id: "Tulis nama pengguna atau alamat e-mail akun Anda. Jika akun itu mencatat alamat e-mail, kami kirim tautan untuk memilih kata sandi baru. Tautan berlaku satu jam dan hanya sekali pakai.",
    en: "Enter your account's username or e-mail address. If the account has an e-mail address, we send it a link to choose a new password. The link works for one hour, once.",
};
pub const USERNAME_OR_EMAIL: Text = Text {
    id: "Nama pengguna atau alamat e-mail",
    en: "Username or e-mail address",
};
pub const SEND_THE_LINK: Text = Text {
    id: "Kirim tautan",
    en: "Send the link",
};
pub const RESET_LINK_SENT_IF_KNOWN: Text = Text {
    id: "Jika akun itu ada dan mencatat alamat e-mail, tautan sudah dikirim ke alamat itu. Periksa kotak masuk (dan folder spam) dalam beberapa menit.",
    en: "If that account exists and has an e-mail address, a link has been sent to it. Check your inbox (and spam folder) in a few minutes.",
};
pub const RESET_BY_EMAIL_UNAVAILABLE: Text = Text {
    id: "Server ini tidak mengirim e-mail. Minta administrator mengatur ulang kata sandi Anda: Anda akan memilih kata sandi sendiri saat masuk berikutnya.",
    en: "This server does not send e-mail. Ask your administrator to reset your password: you will choose your own when you next sign in.",
};
pub const ENTER_YOUR_USERNAME_OR_EMAIL: Text = Text {
    id: "Tulis nama pengguna atau alamat e-mail Anda",
    en: "Enter your username or e-mail address",
};
pub const BACK_TO_SIGN_IN: Text = Text {
    id: "Kembali ke halaman masuk",
    en: "Back to sign in",
};
pub const CHOOSE_A_NEW_PASSWORD: Text = Text {
    id: "Pilih kata sandi baru",
    en: "Choose a new password",
};
pub const EVERY_SESSION_OF_THIS_ACCOUNT_ENDS: Text = Text {
    id: "Semua sesi akun ini berakhir; masuk lagi dengan kata sandi baru.",
    en: "Every session of this account ends; sign in again with the new password.",
};
pub const SET_THE_PASSWORD: Text = Text {
    id: "Simpan kata sandi",
    en: "Save the password",
};
pub const RESET_LINK_NO_LONGER_VALID: Text = Text {
    id: "Tautan ini tidak berlaku: sudah dipakai, sudah lewat satu jam, atau tersalin tidak utuh.",
    en: "This link does not work: it was used, is over an hour old, or was not copied whole.",
};
pub const ASK_FOR_A_NEW_LINK: Text = Text {
    id: "Minta tautan baru",
    en: "Ask for a new link",
};
pub const PASSWORD_SET_SIGN_IN: Text = Text {
    id: "Kata sandi sudah diganti dan semua sesi akun ini berakhir. Silakan masuk dengan kata sandi baru.",
    en: "Your password is changed and every session of the account has ended. Sign in with the new password.",
};
pub const RESET_MAIL_SUBJECT: Text = Text {
    id: "Atur ulang kata sandi Suara",
    en: "Reset your Suara password",
};
pub const RESET_MAIL_BODY: Text = Text {
    id: "Seseorang (semoga Anda) meminta tautan untuk memilih kata sandi baru akun {} di Suara {}.\n\nBuka tautan ini dalam satu jam; tautan hanya bisa dipakai sekali:\n{}\n\nJika Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.",
    en: "Someone (we hope you) asked for a link to choose a new password for account {} on Suara {}.\n\nOpen this link within an hour; it works once:\n{}\n\nIf you did not ask for it, ignore this e-mail: your password has not changed.",
};
pub const EMAIL_ADDRESS: Text = Text {
    id: "Alamat e-mail",
    en: "E-mail address",
};
pub const EMAIL_ADDRESS_USE: Text = Text {
    id: "Ke alamat ini dikirim peringatan untuk peran Anda dan tautan “lupa kata sandi”. Tanpa alamat, hanya administrator yang bisa mengatur ulang kata sandi Anda.",
    en: "Alerts for your role and “forgot password” links go to this address. Without one, only an administrator can reset your password.",
};
pub const EMAIL_ADDRESS_EMPTY_FOR_NONE: Text = Text {
    id: "Alamat e-mail (kosongkan untuk menghapus)",
    en: "E-mail address (leave empty to remove)",
};
pub const SAVE_THE_ADDRESS: Text = Text {
    id: "Simpan alamat",
    en: "Save the address",
};
pub const THAT_IS_NOT_AN_EMAIL_ADDRESS: Text = Text {
    id: "Tulis alamat e-mail seperti nama@trenggalekkab.go.id",
    en: "Enter an e-mail address such as name@trenggalekkab.go.id",
};
pub const EMAIL_ADDRESS_SAVED: Text = Text {
    id: "Alamat e-mail disimpan.",
    en: "E-mail address saved.",
};
pub const EMAIL_ADDRESS_REMOVED: Text = Text {
    id: "Alamat e-mail dihapus.",
    en: "E-mail address removed.",
};
pub const EMAIL_ADDRESS_SET: Text = Text {
    id: "Alamat e-mail diubah",
    en: "E-mail address changed",
};
pub const POLICY_DEDUCTION_N: Text = Text {
    id: "Potongan ke-{}: {}",
    en: "Deduction {}: {}",
};
pub const POLICY_EFFECTIVE_FROM: Text = Text {
    id: "Berlaku mulai",
    en: "Effective from",
};
pub const POLICY_EFFECTIVE_UNTIL: Text = Text {
    id: "Berlaku sampai",
    en: "Effective until",
};
pub const POLICY_FLOOR: Text = Text {
    id: "Persentase TPP terendah (%)",
    en: "Lowest TPP percentage (%)",
};
pub const POLICY_MAX_MONTHLY_FALL: Text = Text {
    id: "Batas penurunan bulanan (%)",
    en: "Monthly fall limit (%)",
};
pub const EVIDENCE_OVER_MONTHS: Text = Text {
    id: "bukti dinilai dari {} bulan terakhir (bulan ini dan sebelumnya)",
    en: "evidence judged over the last {} months (this month and those before it)",
};
pub const OVER_MONTHS_YOUR_UNIT_HAD: Text = Text {
    id: "Dalam {} bulan ({} sampai {}), unit Anda punya ",
    en: "Over {} months ({} to {}), your unit had ",
};
pub const SERVICE_USERS_OVER_MONTHS: Text = Text {
    id: " pengguna layanan dalam {} bulan)",
    en: " service users in {} months)",
};
pub const JUDGED_ON_UNITS_LED: Text = Text {
    id: "Anda memimpin unit dan tidak melayani publik langsung; menurut kebijakan, Anda dinilai dari tanggapan semua unit yang Anda pimpin beserta unit di bawahnya ({} unit): ",
    en: "You head a unit and do not serve the public directly; under the policy you are judged on the responses of every unit you lead and the units below it ({} units): ",
};
pub const POLICY_UNITS_LED: Text = Text {
    id: "pegawai yang tidak melayani publik dan memimpin unit dinilai dari unit yang dipimpinnya",
    en: "staff who do not serve the public and head a unit are judged on the units they lead",
};
pub const POLICY_NOT_SERVING_PUBLIC: Text = Text {
    id: "Penilaian pegawai yang tidak melayani publik",
    en: "How staff who do not serve the public are judged",
};
pub const SIGN_IN_CODE: Text = Text {
    id: "Kode masuk",
    en: "Sign-in code",
};
pub const SIGN_IN_CODE_LEAD: Text = Text {
    id: "Akun Anda dapat mengubah TPP pegawai, jadi selain kata sandi diperlukan kode dari aplikasi autentikator di ponsel Anda.",
    en: "Your account can change officers' TPP, so besides your password it needs a code from the authenticator app on your phone.",
};
pub const CODE_FROM_THE_APP: Text = Text {
    id: "Kode 6 angka dari aplikasi",
    en: "The 6-digit code from the app",
};
pub const OR_A_RECOVERY_CODE: Text = Text {
    id: "Ponsel hilang? Ketik salah satu kode pemulihan Anda di kolom ini.",
    en: "Lost your phone? Type one of your recovery codes in this box.",
};
pub const WRONG_CODE: Text = Text {
    id: "Kode tidak cocok atau sudah dipakai. Ketik kode yang sedang tampil di aplikasi; bila tetap gagal, periksa jam ponsel Anda.",
    en: "The code does not match or was used already. Type the code the app shows now; if it still fails, check your phone's clock.",
};
pub const SET_UP_SIGN_IN_CODE: Text = Text {
    id: "Pasang kode masuk",
    en: "Set up your sign-in code",
};
pub const SETUP_STEP_INSTALL: Text = Text {
    id: "Pasang aplikasi autentikator di ponsel Anda, misalnya Google Authenticator, Microsoft Authenticator atau FreeOTP.",
    en: "Install an authenticator app on your phone, for example Google Authenticator, Microsoft Authenticator or FreeOTP.",
};
pub const SETUP_STEP_SCAN: Text = Text {
    id: "Di aplikasi, pindai kode QR ini.",
    en: "In the app, scan this QR code.",
};
pub const SETUP_KEY: Text = Text {
    id: "Tidak bisa memindai? Ketik kunci ini di aplikasi:",
    en: "Cannot scan it? Type this key into the app:",
};
pub const SETUP_STEP_TYPE: Text = Text {
    id: "Ketik kode 6 angka yang tampil di aplikasi.",
    en: "Type the 6-digit code the app shows.",
};
pub const TURN_ON: Text = Text {
    id: "Aktifkan",
    en: "Turn on",
};
pub const QR_FOR_THE_APP: Text = Text {
    id: "Kode QR untuk aplikasi autentikator",
    en: "QR code for the authenticator app",
};
pub const RECOVERY_CODES: Text = Text {
    id: "Kode pemulihan",
    en: "Recovery codes",
};
pub const RECOVERY_CODES_LEAD: Text = Text {
    id: "Kode masuk sudah aktif. Simpan kode pemulihan ini di tempat aman (cetak atau tulis): bila ponsel Anda hilang, setiap kode dapat dipakai sekali sebagai pengganti kode dari aplikasi. Kode ini hanya ditampilkan sekarang.",
    en: "Your sign-in code is on. Keep these recovery codes somewhere safe (print or write them down): if you lose your phone, each can be used once instead of a code from the app. They are shown only now.",
};
pub const RECOVERY_CODES_LEFT: Text = Text {
    id: "Anda masuk dengan kode pemulihan; tersisa {} kode. Bila ponsel Anda hilang, minta administrator mengatur ulang kode masuk Anda.",
    en: "You signed in with a recovery code; {} left. If your phone is lost, ask the administrator to reset your sign-in code.",
};
pub const SECOND_FACTOR_SET: Text = Text {
    id: "Kode masuk dipasang",
    en: "Sign-in code set up",
};
pub const RECOVERY_CODE_USED: Text = Text {
    id: "Kode pemulihan dipakai",
    en: "Recovery code used",
};
pub const SECOND_FACTOR_RESET: Text = Text {
    id: "Kode masuk diatur ulang",
    en: "Sign-in code reset",
};
pub const FALLS_AT_MOST_A_MONTH: Text = Text {
    id: "turun paling banyak {} dari TPP penuh dalam sebulan",
    en: "falls by at most {} of full TPP in a month",
};
pub const OFFICERS_HELD_BY_THE_FALL_LIMIT: Text = Text {
    id: "{} pegawai dibayar sebesar batas penurunan, bukan sebesar aturan kepuasan",
    en: "{} officers paid at the fall limit rather than by the satisfaction rule",
};
pub const POLICY_CAP: Text = Text {
    id: "Persentase TPP tertinggi (%)",
    en: "Highest TPP percentage (%)",
};
pub const POLICY_BLEND: Text = Text {
    id: "Penyeimbang tanggapan sedikit",
    en: "Blending for few responses",
};
pub const POLICY_MIN_TRUST: Text = Text {
    id: "Jalur tanggapan yang dihitung untuk TPP",
    en: "Response channels that count for TPP",
};
pub const POLICY_WEIGHTS: Text = Text {
    id: "Bobot kepuasan, kehadiran, dan produktivitas",
    en: "Weights of satisfaction, attendance and productivity",
};
pub const POLICY_SATISFACTION_RULE: Text = Text {
    id: "Aturan nilai kepuasan",
    en: "Satisfaction rule",
};
pub const POLICY_FIELD: Text = Text {
    id: "Isian kebijakan",
    en: "Policy field",
};
pub const R_OFFICER_LEFT: Text = Text {
    id: "pegawai berhenti pada {}: untuk mengaktifkannya lagi, beri tanggal mulai sesudahnya",
    en: "the officer left on {}: to bring them back, give a date after it",
};
pub const R_SHEET_TOO_LARGE: Text = Text {
    id: "lembar pertama memakai sel di luar baris {} atau kolom {}: sisakan daftarnya saja",
    en: "the first sheet uses cells beyond row {} or column {}: keep only the list on it",
};
pub const EVIDENCE_SOURCES: Text = Text {
    id: "Sumber bukti TPP",
    en: "TPP evidence sources",
};
pub const EVIDENCE_SOURCES_INTRO: Text = Text {
    id: "Jawaban di kios dan tiket yang diterbitkan petugas loket menentukan TPP. Siapa pun yang menjalankan kios atau loket bisa mengisi jawaban sendiri dengan ritme loket sungguhan, jadi jawaban dari sumber yang belum dikonfirmasi di sini hanya boleh menggeser TPP seorang pegawai sedikit (lihat kebijakan TPP). Periksa setiap sumber (kunjungi loketnya, cocokkan dengan catatan sistem antrean), lalu konfirmasi. Konfirmasi berlaku untuk jawaban yang sudah masuk; jawaban sesudahnya perlu dikonfirmasi lagi.",
    en: "Kiosk answers and the tickets counter staff issue decide TPP. Whoever runs a kiosk or a counter could feed it answers at a real counter's pace, so answers from a source not confirmed here may move an officer's TPP only a little (see the TPP policy). Check each source (visit the counter, compare the queue system's log), then confirm it. A confirmation covers the answers given so far; later ones need confirming again.",
};
pub const POLICY_COUNTS_EVERY_SOURCE: Text = Text {
    id: "Kebijakan TPP bulan ini menghitung semua sumber tanpa konfirmasi.",
    en: "This month's TPP policy counts every source without confirmation.",
};
pub const OFFICERS_PAID_ON_CONFIRMED_EVIDENCE_ONLY: Text = Text {
    id: "{} pegawai bulan ini dihitung dari bukti yang sudah dikonfirmasi saja: bukti yang belum dikonfirmasi akan menggeser TPP mereka lebih dari {}% dari TPP dasar.",
    en: "Officers paid on confirmed evidence only this month: {}. The unconfirmed evidence would move their TPP by more than {}% of base.",
};
pub const NO_PAY_EVIDENCE_THIS_MONTH: Text = Text {
    id: "Belum ada jawaban yang menentukan TPP bulan ini.",
    en: "No answer decides TPP this month yet.",
};
pub const SOURCE: Text = Text {
    id: "Sumber",
    en: "Source",
};
pub const NOT_YET_CONFIRMED: Text = Text {
    id: "Belum dikonfirmasi",
    en: "Not yet confirmed",
};
pub const OFFICERS_NAMED: Text = Text {
    id: "Pegawai yang dinilai",
    en: "Officers rated",
};
pub const CONFIRMATION: Text = Text {
    id: "Konfirmasi",
    en: "Confirmation",
};
pub const CONFIRMED_BY_ON: Text = Text {
    id: "Dikonfirmasi oleh {}, {}",
    en: "Confirmed by {}, {}",
};
pub const CONFIRM_SOURCE: Text = Text {
    id: "Konfirmasi sumber",
    en: "Confirm source",
};
pub const TICKETS_ISSUED_BY: Text = Text {
    id: "Tiket dari akun {}",
    en: "Tickets from account {}",
};
pub const THE_UNIT_S_KIOSKS: Text = Text {
    id: "Kios layanan unit",
    en: "The unit's kiosks",
};
pub const OFFICERS_WAIT_FOR_CONFIRMATION: Text = Text {
    id: "{} pegawai menunggu konfirmasi",
    en: "Officers waiting for confirmation: {}",
};
pub const NOTHING_LEFT_TO_CONFIRM: Text = Text {
    id: "Semua jawaban sumber ini sudah dikonfirmasi.",
    en: "Every answer of this source is confirmed already.",
};
pub const CONFIRM_THIS_SOURCE: Text = Text {
    id: "Konfirmasi sumber bukti ini?",
    en: "Confirm this evidence source?",
};
pub const ANSWERS_OF_WHICH_UNCONFIRMED: Text = Text {
    id: "{} ({} belum dikonfirmasi)",
    en: "{} ({} not yet confirmed)",
};
pub const A_CONFIRMATION_MAKES_THESE_ANSWERS_PAY: Text = Text {
    id: "Jawaban yang sudah masuk dari sumber ini akan dihitung penuh untuk TPP bulan ini. Konfirmasi dicatat atas nama Anda di log audit dan tidak dapat dibatalkan.",
    en: "The answers this source has given so far will count in full for this month's TPP. The confirmation is recorded in your name in the audit log and cannot be undone.",
};
pub const YES_CONFIRM_SOURCE: Text = Text {
    id: "Ya, konfirmasi",
    en: "Yes, confirm",
};
pub const SOURCE_CONFIRMED: Text = Text {
    id: "Sumber dikonfirmasi: {} jawaban kini dihitung penuh untuk TPP.",
    en: "Source confirmed: {} answers now count in full for TPP.",
};
pub const YOU_ISSUED_THESE_TICKETS: Text = Text {
    id: "Anda sendiri yang menerbitkan tiket ini; konfirmasi harus oleh akun lain.",
    en: "You issued these tickets yourself; another account must confirm them.",
};
pub const THAT_MONTH_S_TPP_IS_APPROVED: Text = Text {
    id: "TPP bulan itu sudah disetujui atau dikunci; buktinya tidak berubah lagi.",
    en: "That month's TPP is approved or locked; its evidence no longer changes.",
};
pub const SET_ASIDE_FOR_STAFF: Text = Text {
    id: "Bukti dari sumber yang belum dikonfirmasi Inspektorat akan menggeser TPP ini lebih dari yang diizinkan kebijakan (menjadi {}); sampai sumber itu dikonfirmasi, TPP dihitung dari bukti yang sudah dikonfirmasi saja.",
    en: "Evidence from sources the inspectorate has not confirmed would move this TPP by more than the policy allows (to {}); until they are confirmed, the TPP comes from confirmed evidence alone.",
};
pub const SET_ASIDE_FOR_OFFICER: Text = Text {
    id: "Sebagian bukti bulan ini menunggu konfirmasi Inspektorat; sampai dikonfirmasi, TPP Anda dihitung dari bukti yang sudah dikonfirmasi saja.",
    en: "Part of this month's evidence waits for the inspectorate's confirmation; until then, your TPP comes from confirmed evidence alone.",
};
pub const RUN_SET_ASIDE: Text = Text {
    id: "{} pegawai dihitung dari bukti yang sudah dikonfirmasi saja, karena bukti dari sumber yang belum dikonfirmasi akan menggeser TPP mereka lebih dari yang diizinkan kebijakan. Inspektorat mengonfirmasi sumber di halaman Sumber bukti TPP; sesudah itu hitung ulang.",
    en: "Officers paid on confirmed evidence only: {}. Evidence from unconfirmed sources would move their TPP by more than the policy allows. The inspectorate confirms sources on the TPP evidence sources page; compute the month again after that.",
};
pub const EVIDENCE_SOURCE: Text = Text {
    id: "Sumber bukti TPP",
    en: "TPP evidence source",
};
pub const CONFIRMED: Text = Text {
    id: "Dikonfirmasi",
    en: "Confirmed",
};
pub const COVERS_RESPONSES_UP_TO: Text = Text {
    id: "Mencakup tanggapan sampai nomor",
    en: "Covers responses up to number",
};
pub const NO_OFFICER_WAITS_FOR_CONFIRMATION: Text = Text {
    id: "Bulan ini tidak ada pegawai yang TPP-nya menunggu konfirmasi: bukti yang belum dikonfirmasi menggeser TPP siapa pun tidak lebih dari {}% dari TPP dasar.",
    en: "No officer's TPP waits for confirmation this month: unconfirmed evidence moves nobody's TPP by more than {}% of base.",
};
pub const THAT_SOURCE_HAS_NO_ANSWERS: Text = Text {
    id: "Sumber itu tidak punya jawaban yang menentukan TPP pada bulan ini.",
    en: "That source has no answer deciding TPP in this month.",
};
pub const BANDS_HINT: Text = Text {
    id: "Untuk aturan bertingkat: setiap tingkatan berlaku mulai nilai IKM-nya; di bawah semua tingkatan TPP tidak dibayar. Kosongkan baris yang tidak dipakai.",
    en: "For the rule of bands: each band applies from its IKM score; below every band no TPP is paid. Leave unused rows empty.",
};
pub const BAND_INCOMPLETE: Text = Text {
    id: "isi nilai dan persentasenya, atau kosongkan keduanya",
    en: "give both the score and the percentage, or leave both empty",
};
pub const BAND_N_FROM: Text = Text {
    id: "Tingkatan {}: mulai nilai IKM",
    en: "Band {}: from IKM score",
};
pub const BAND_N_FACTOR: Text = Text {
    id: "Tingkatan {}: TPP dibayar (%)",
    en: "Band {}: TPP paid (%)",
};
pub const BLEND_HINT: Text = Text {
    id: "Bila tanggapan tentang seorang pegawai sedikit, nilainya dicampur dengan nilai unitnya seolah-olah unit memberi sebanyak ini tanggapan.",
    en: "When an officer has few responses, their score is blended with their unit's as if the unit gave this many responses.",
};
pub const CHOOSE_ONE_OF_THE_OPTIONS: Text = Text {
    id: "pilih salah satu pilihan",
    en: "choose one of the options",
};
pub const DEDUCTIONS_HINT: Text = Text {
    id: "Yang dipotong dari TPP pada daftar nominatif, misalnya PPh Pasal 21 atau iuran BPJS Kesehatan. Persentase golongan, bila diisi, menggantikan persentase untuk semua golongan. Kosongkan baris untuk menghapus potongan.",
    en: "What is withheld from the TPP on the payable list, for example income tax or the health-insurance contribution. A golongan's percentage, when given, replaces the one for all golongan. Empty a row to remove a deduction.",
};
pub const DEDUCTION_CAP_RUPIAH: Text = Text {
    id: "paling banyak per bulan (Rp, kosongkan bila tanpa batas)",
    en: "at most a month (Rp, empty for no cap)",
};
pub const DEDUCTION_NAME: Text = Text {
    id: "nama, seperti judul kolomnya",
    en: "name, as its column is headed",
};
pub const DEDUCTION_PERCENT_FOR_ALL: Text = Text {
    id: "persentase untuk semua golongan",
    en: "percentage for every golongan",
};
pub const DEDUCTION_RANK_PERCENT: Text = Text {
    id: "persentase golongan {}",
    en: "percentage for golongan {}",
};
pub const DEDUCTION_UNNAMED: Text = Text {
    id: "beri nama potongan ini, atau kosongkan barisnya",
    en: "name this deduction, or empty its row",
};
pub const FIELD_NOT_A_NUMBER: Text = Text {
    id: "tulis angka, misalnya 85 atau 87,5",
    en: "write a number, for example 85 or 87.5",
};
pub const FIELD_NOT_A_PERCENT: Text = Text {
    id: "tulis persentase dari 0 sampai 100, paling banyak dua angka di belakang koma",
    en: "write a percentage from 0 to 100, with at most two decimals",
};
pub const FIELD_NOT_A_WHOLE_NUMBER: Text = Text {
    id: "tulis bilangan bulat, misalnya 30",
    en: "write a whole number, for example 30",
};
pub const HEADS_JUDGED_ON_UNITS_LED: Text = Text {
    id: "Kepala unit dinilai dari unit yang dipimpinnya beserta unit di bawahnya; staf lain dari unitnya",
    en: "Unit heads are judged on the units they lead and those below them; other staff on their unit",
};
pub const JUDGED_ON_THEIR_UNIT: Text = Text {
    id: "Dinilai dari nilai unitnya",
    en: "Judged on their unit's score",
};
pub const MAX_FALL_HINT: Text = Text {
    id: "Persentase TPP suatu bulan turun paling banyak sebesar ini dari bulan sebelumnya. Kosongkan bila tanpa batas.",
    en: "A month's TPP percentage falls at most this much below the month before. Empty for no limit.",
};
pub const NEW_VERSION_NAME: Text = Text {
    id: "Nama versi baru",
    en: "New version's name",
};
pub const NEW_VERSION_NAME_HINT: Text = Text {
    id: "Nama yang mudah dikenali, misalnya tahun dan nomor peraturan bupati.",
    en: "A name people recognise, for example the year and the regent's regulation number.",
};
pub const NOT_SET: Text = Text {
    id: "Tidak ditentukan",
    en: "Not set",
};
pub const NO_BAND: Text = Text {
    id: "aturan bertingkat perlu paling sedikit satu tingkatan",
    en: "a rule of bands needs at least one band",
};
pub const N_MONTHS: Text = Text {
    id: "{} bulan",
    en: "{} months",
};
pub const POLICY_CONFIDENCE: Text = Text {
    id: "Tingkat kepercayaan sampel",
    en: "Confidence level of the sample",
};
pub const POLICY_EVIDENCE_MONTHS: Text = Text {
    id: "Bukti yang dijumlahkan: bulan itu dan bulan-bulan sebelumnya",
    en: "Evidence added up: the month and the ones before it",
};
pub const POLICY_FORM_INTRO: Text = Text {
    id: "Formulir ini dimulai dari versi {}; catatan pada versi itu ikut tersimpan. Beri nama versi baru dan bulan mulai berlakunya. Versi yang tersimpan tidak pernah diubah, dan setiap perhitungan mencatat versi yang dipakainya.",
    en: "This form starts from version {}; that version's notes are kept. Give the new version a name and the month it takes effect. A saved version never changes, and each run records the version it used.",
};
pub const THE_TPP_POLICY_GUIDE: Text = Text {
    id: "Panduan kebijakan TPP",
    en: "The TPP policy guide",
};
pub const EXPLAINS_EVERY_RULE_WITH_EXAMPLES: Text = Text {
    id: " (berbahasa Inggris) menjelaskan setiap aturan dengan contohnya.",
    en: " explains every rule, with examples.",
};
pub const POLICY_MIN_DAYS: Text = Text {
    id: "Paling sedikit hari berbeda dengan tanggapan",
    en: "Fewest distinct days with responses",
};
pub const POLICY_MIN_RESPONSES: Text = Text {
    id: "Paling sedikit tanggapan unit",
    en: "Fewest responses of the unit",
};
pub const POLICY_NOTE: Text = Text {
    id: "Catatan untuk versi ini",
    en: "A note for this version",
};
pub const POLICY_NOTE_HINT: Text = Text {
    id: "Misalnya dasar hukumnya atau rapat yang menyetujuinya. Disimpan bersama versi ini.",
    en: "For example its legal basis or the meeting that approved it. Kept with this version.",
};
pub const POLICY_SAMPLE: Text = Text {
    id: "Juga minta sampel Krejcie–Morgan dari jumlah pengguna layanan unit",
    en: "Also ask for the Krejcie–Morgan sample of the unit's service users",
};
pub const POLICY_SECTION_EVIDENCE: Text = Text {
    id: "Bukti yang diperlukan sebelum TPP dikurangi",
    en: "Evidence needed before TPP is reduced",
};
pub const POLICY_SECTION_SCORE: Text = Text {
    id: "Dari nilai kepuasan ke persentase TPP",
    en: "From the satisfaction score to the TPP percentage",
};
pub const POLICY_SECTION_VERSION: Text = Text {
    id: "Versi dan masa berlaku",
    en: "Version and when it applies",
};
pub const POLICY_THRESHOLD: Text = Text {
    id: "Ambang nilai IKM",
    en: "IKM threshold",
};
pub const POLICY_THRESHOLD_HINT: Text = Text {
    id: "Pada nilai ini atau lebih TPP dibayar penuh.",
    en: "At this score or above the TPP is paid in full.",
};
pub const POLICY_UNCONFIRMED: Text = Text {
    id: "Batas pengaruh sumber yang belum dikonfirmasi Inspektorat (% TPP dasar)",
    en: "Limit on sources the inspectorate has not confirmed (% of base TPP)",
};
pub const RULE_CHOICE_LINEAR: Text = Text {
    id: "Di bawah ambang, TPP dibayar sebesar nilai dibagi ambang (nilai 70, ambang 80: 87,5 %)",
    en: "Below the threshold, TPP is paid as the score divided by the threshold (score 70, threshold 80: 87.5 %)",
};
pub const RULE_CHOICE_PROPORTIONAL: Text = Text {
    id: "Di bawah ambang, TPP dibayar sebesar nilai IKM (nilai 70: 70 %)",
    en: "Below the threshold, TPP is paid as the IKM score (score 70: 70 %)",
};
pub const RULE_CHOICE_STEPS: Text = Text {
    id: "Bertingkat: setiap tingkatan nilai punya persentasenya sendiri",
    en: "In bands: each band of scores has its own percentage",
};
pub const START_FROM_THIS_VERSION: Text = Text {
    id: "Mulai dari versi ini",
    en: "Start from this version",
};
pub const UNCONFIRMED_HINT: Text = Text {
    id: "Kosongkan untuk kebijakan tanpa batas ini.",
    en: "Leave empty for a policy without this limit.",
};
pub const UNTIL_BEFORE_FROM: Text = Text {
    id: "tidak boleh sebelum bulan mulai berlaku",
    en: "cannot be before the month it takes effect",
};
pub const WEIGHTS_DO_NOT_ADD_UP: Text = Text {
    id: "jumlah ketiga bobot harus 100",
    en: "the three weights must add up to 100",
};
pub const WEIGHTS_HINT: Text = Text {
    id: "Persentase masing-masing bagian dari TPP; jumlahnya 100.",
    en: "Each part's percentage of the TPP; they add up to 100.",
};
pub const WEIGHT_ATTENDANCE: Text = Text {
    id: "Kehadiran (%)",
    en: "Attendance (%)",
};
pub const WEIGHT_PRODUCTIVITY: Text = Text {
    id: "Produktivitas (%)",
    en: "Productivity (%)",
};
pub const WEIGHT_SATISFACTION: Text = Text {
    id: "Kepuasan masyarakat (%)",
    en: "Public satisfaction (%)",
};
pub const FIRST_SIGN_IN_MAIL_SUBJECT: Text = Text {
    id: "Akun Suara Anda sudah siap",
    en: "Your Suara account is ready",
};
pub const FIRST_SIGN_IN_MAIL_BODY: Text = Text {
    id: "Yth. {},\n\nakun Anda di Suara {} sudah dibuat. Nama pengguna Anda: {}.\n\nBuka tautan ini dalam 14 hari untuk memilih kata sandi Anda; tautan hanya bisa dipakai sekali:\n{}\n\nJangan teruskan e-mail ini kepada siapa pun. Jika tautan sudah tidak berlaku, minta tautan baru lewat “Lupa kata sandi” di halaman masuk.",
    en: "Dear {},\n\nyour account on Suara {} has been made. Your username: {}.\n\nOpen this link within 14 days to choose your password; it works once:\n{}\n\nDo not forward this e-mail to anyone. If the link no longer works, ask for a new one through “Forgot password” on the sign-in page.",
};
pub const MAILED_FIRST_SIGN_INS: Text = Text {
    id: "Dikirim lewat e-mail ({}): tautan untuk memilih kata sandi, berlaku 14 hari. Tidak ada surat yang perlu dicetak untuk mereka.",
    en: "Sent by e-mail ({}): a link to choose a password, valid for 14 days. No letter needs printing for them.",
};
pub const MAIL_WHEN_ADDRESS_KNOWN: Text = Text {
    id: "Pegawai yang alamat e-mailnya tercantum di daftar pegawai (kolom EMAIL) menerima tautan masuk pertama lewat e-mail; surat hanya dicetak untuk pegawai lainnya.",
    en: "Officers whose e-mail address the personnel list gives (the EMAIL column) get their first sign-in link by e-mail; letters are printed only for the others.",
};
pub const N_ACCOUNTS_MADE_ALL_MAILED: Text = Text {
    id: "{} akun dibuat untuk {}; setiap pegawai menerima tautan masuk pertamanya lewat e-mail.",
    en: "{} accounts made for {}; each officer got their first sign-in link by e-mail.",
};
pub const OFFICER_EMAIL: Text = Text {
    id: "Alamat e-mail pegawai",
    en: "Officer's e-mail address",
};
pub const N_OFFICER_EMAILS: Text = Text {
    id: "Alamat e-mail pegawai yang baru atau berubah: {}. Ke alamat ini tautan masuk pertama dikirim saat akun pegawai dibuat.",
    en: "Officers' e-mail addresses new or changed: {}. First sign-in links are sent there when officer accounts are made.",
};
pub const SAVE_CHANGES: Text = Text {
    id: "Simpan perubahan",
    en: "Save the changes",
};
pub const NOTHING_CHANGED: Text = Text {
    id: "Tidak ada yang berubah: semua isian sama dengan yang tersimpan.",
    en: "Nothing changed: every field equals what is stored.",
};
pub const CHANGES_SAVED_AND_AUDIT_LOGGED: Text = Text {
    id: "Perubahan disimpan dan dicatat di log audit.",
    en: "The changes are saved and recorded in the audit log.",
};
pub const EDIT_UNIT: Text = Text {
    id: "Ubah data unit",
    en: "Change a unit",
};
pub const EDIT_SERVICE: Text = Text {
    id: "Ubah data layanan",
    en: "Change a service",
};
pub const EDIT_SERVICE_POINT: Text = Text {
    id: "Ubah data loket",
    en: "Change a service point",
};
pub const EDIT_OFFICER: Text = Text {
    id: "Ubah data pegawai",
    en: "Change an officer",
};
pub const EDIT_UNIT_SERVICES_AND_POINTS: Text = Text {
    id: "Ubah data unit, layanannya, dan loketnya",
    en: "Change the unit, its services and its service points",
};
pub const ASSIGNED_FROM_HINT: Text = Text {
    id: "Dipakai bila unit kerja atau jabatan berubah: penugasan baru mulai hari itu. Tanggal di dalam bulan yang TPP-nya sudah disetujui atau dikunci ditolak.",
    en: "Used when the unit or position changes: the new assignment starts that day. A day inside a month whose TPP is approved or locked is refused.",
};
pub const SIGNER_HINT: Text = Text {
    id: "Penanda tangan daftar nominatif; bila kosong, dipakai penanda tangan unit induknya.",
    en: "Who signs the payable list; when empty, the parent unit's signer signs.",
};
pub const OFFICER_EMAIL_HINT: Text = Text {
    id: "Ke alamat ini tautan masuk pertama dikirim saat akun pegawai dibuat.",
    en: "The first sign-in link is sent here when the officer's account is made.",
};
pub const NO_PARENT_UNIT: Text = Text {
    id: "Tidak ada (unit teratas)",
    en: "None (a top unit)",
};
pub const AS_THE_PARENT_UNIT: Text = Text {
    id: "Sama dengan unit induknya",
    en: "As the parent unit",
};
pub const PAID_FOR_DAYS_ASSIGNED: Text = Text {
    id: "Anda bertugas {} dari {} hari bulan ini, maka TPP dibayar untuk hari-hari itu (kebijakan membayar bulan yang tidak penuh menurut hari bertugas).",
    en: "You were assigned on {} of the month's {} days, so TPP is paid for those days (the policy pays a partial month by the days assigned).",
};
pub const POLICY_PART_MONTH_DAYS: Text = Text {
    id: "pegawai yang bergabung atau berhenti di tengah bulan dibayar menurut hari bertugasnya",
    en: "officers who join or leave during a month are paid for the days they were assigned",
};
pub const POLICY_PART_MONTH: Text = Text {
    id: "Bulan saat pegawai bergabung atau berhenti",
    en: "The month an officer joins or leaves in",
};
pub const PART_MONTH_LAST_DAY: Text = Text {
    id: "TPP sebulan penuh untuk yang bertugas pada hari terakhir bulan itu; yang berhenti sebelumnya tidak dibayar untuk bulan itu",
    en: "A whole month's TPP to whoever works on the month's last day; someone who left before it is not paid for that month",
};
pub const PART_MONTH_DAYS: Text = Text {
    id:
        "Dibayar menurut hari bertugas: TPP × hari bertugas / hari dalam bulan, dibulatkan ke bawah",
    en: "Paid by the days assigned: TPP × days assigned / days of the month, rounded down",
};
pub const OFFICER_HAS_LEFT_EDIT_BY_LIST: Text = Text {
    id: "Penugasan pegawai ini sudah diakhiri (berhenti), maka datanya tidak diubah di halaman ini. Bila ia kembali bertugas atau datanya perlu dibetulkan, impor daftar pegawai dengan TMT JABATAN sesudah hari kerja terakhirnya:",
    en: "This officer's assignment has ended (they left), so their record is not changed on this page. If they return or their record needs correcting, import the personnel list with a TMT JABATAN after their last working day:",
};
pub const N_START_TODAY: Text = Text {
    id: "{} pegawai baru tanpa TMT JABATAN mulai bertugas hari ini, sehingga bulan-bulan sebelumnya tidak membayar mereka. Bila mereka sudah bertugas sebelumnya, isi kolom TMT JABATAN sebelum mengimpor.",
    en: "{} new officers without a TMT JABATAN start today, so no earlier month pays them. If they were already at work, fill in the TMT JABATAN column before importing.",
};
pub const STARTS_KEPT: Text = Text {
    id: "TMT JABATAN yang tidak diubah: impor tidak memindahkan awal penugasan yang sedang berjalan, maka tanggal tersimpan tetap dipakai",
    en: "TMT JABATAN left as stored: an import does not move the start of a current assignment, so the stored date stays",
};
pub const STORED_START: Text = Text {
    id: "Tersimpan",
    en: "Stored",
};
pub const START_IN_THE_FILE: Text = Text {
    id: "Di berkas",
    en: "In the file",
};
pub const REVIEW_CITIZENS_SUGGESTIONS: Text = Text {
    id: "Tinjau saran warga",
    en: "Review citizens' suggestions",
};
pub const N_SUGGESTIONS_WAITING_LINK: Text = Text {
    id: "Tinjau saran warga ({} menunggu)",
    en: "Review citizens' suggestions ({} waiting)",
};
pub const SUGGESTIONS_REVIEW_INTRO: Text = Text {
    id: "Saran warga dibaca staf lain, misalnya Bappeda, dan dicantumkan di laporan SKM setelah ditinjau di sini. Hapus nama, alamat, atau keterangan lain yang dapat menunjukkan seseorang: bagian yang dihapus diganti [disamarkan]. Kata tidak dapat ditambah atau diubah.",
    en: "Citizens' suggestions are read by other staff, such as Bappeda, and listed in the SKM report once reviewed here. Delete names, addresses or anything else that could point to someone: what you delete becomes [disamarkan]. Words cannot be added or changed.",
};
pub const NO_SUGGESTIONS_WAITING: Text = Text {
    id: "Tidak ada saran yang menunggu tinjauan.",
    en: "No suggestions are waiting for review.",
};
pub const N_SUGGESTIONS_WAITING: Text = Text {
    id: "{} saran menunggu tinjauan.",
    en: "{} suggestions are waiting for review.",
};
pub const N_MAY_IDENTIFY_SOMEONE: Text = Text {
    id: "{} di antaranya mungkin memuat data pribadi, sehingga staf lain belum membacanya.",
    en: "{} of them may hold personal data, so other staff do not read them yet.",
};
pub const RECEIVED_TIMES: Text = Text {
    id: "Diterima",
    en: "Received",
};
pub const N_TIMES: Text = Text {
    id: "{} kali",
    en: "{} times",
};
pub const LAST_RECEIVED: Text = Text {
    id: "Terakhir diterima",
    en: "Last received",
};
pub const WHY_IT_IS_CHECKED: Text = Text {
    id: "Perlu diperiksa karena",
    en: "Checked because it",
};
pub const CONCERN_NAME: Text = Text {
    id: "mungkin menyebut nama seseorang",
    en: "may name someone",
};
pub const CONCERN_ADDRESS: Text = Text {
    id: "mungkin memuat alamat",
    en: "may give an address",
};
pub const CONCERN_CONTACT: Text = Text {
    id: "nomor telepon atau e-mail di dalamnya sudah disamarkan, tetapi sisanya mungkin masih menunjukkan penulisnya",
    en: "had a phone number or e-mail masked, and the rest may still point to its writer",
};
pub const TEXT_OTHERS_MAY_READ: Text = Text {
    id: "Teks yang boleh dibaca",
    en: "Text others may read",
};
pub const TEXT_OTHERS_MAY_READ_HINT: Text = Text {
    id: "Hapus kata yang menunjukkan seseorang. Kosongkan kotak ini bila seluruh saran harus disamarkan.",
    en: "Delete the words that point to someone. Empty the box if the whole suggestion must be masked.",
};
pub const WORD_NOT_IN_THE_SUGGESTION: Text = Text {
    id: "Kata “{}” tidak ada di saran ini pada tempat itu. Anda hanya dapat menghapus kata, tidak menambah, mengubah atau memindahkannya.",
    en: "The word “{}” is not in this suggestion at that place. You can only delete words, not add, change or move them.",
};
pub const SAVE_THIS_REVIEW: Text = Text {
    id: "Simpan tinjauan saran ini?",
    en: "Save the review of this suggestion?",
};
pub const WHAT_OTHERS_WILL_READ: Text = Text {
    id: "Yang akan dibaca",
    en: "What others will read",
};
pub const NUMBER_OF_SUGGESTIONS: Text = Text {
    id: "Jumlah saran",
    en: "Number of suggestions",
};
pub const A_REVIEW_CANNOT_BE_CHANGED: Text = Text {
    id: "Tinjauan tidak dapat diubah: staf lain dan laporan SKM akan membaca teks ini, dan tinjauan dicatat di log audit.",
    en: "A review cannot be changed: other staff and the SKM report will read this text, and the review is recorded in the audit log.",
};
pub const YES_SAVE_THE_REVIEW: Text = Text {
    id: "Ya, simpan tinjauan",
    en: "Yes, save the review",
};
pub const SUGGESTIONS_WITHOUT_FLAGS: Text = Text {
    id: "Saran tanpa tanda data pribadi",
    en: "Suggestions with no sign of personal data",
};
pub const N_SUGGESTIONS_WITHOUT_FLAGS: Text = Text {
    id: "{} saran di bawah ini tidak memuat nama, alamat atau kontak yang dikenali. Bacalah dahulu; bila tidak ada yang menunjukkan seseorang, tampilkan sekaligus.",
    en: "The {} suggestions below hold no name, address or contact that was recognised. Read them first; if none points to anyone, show them all at once.",
};
pub const AND_N_MORE_TEXTS: Text = Text {
    id: "… dan {} teks lainnya",
    en: "… and {} more texts",
};
pub const SHOW_THESE_SUGGESTIONS: Text = Text {
    id: "Tampilkan saran-saran ini",
    en: "Show these suggestions",
};
pub const SHOW_N_SUGGESTIONS_AS_THEY_ARE: Text = Text {
    id: "Tampilkan {} saran apa adanya?",
    en: "Show {} suggestions as they are?",
};
pub const YES_SHOW_THEM: Text = Text {
    id: "Ya, tampilkan",
    en: "Yes, show them",
};
pub const CITIZEN_SUGGESTION: Text = Text {
    id: "Saran warga",
    en: "Citizen's suggestion",
};
pub const SUGGESTIONS_HELD_UNTIL_REVIEWED: Text = Text {
    id:
        "Saran yang mungkin menyebut nama atau alamat baru tampil di sini setelah ditinjau unitnya.",
    en:
        "Suggestions that may name or locate someone appear here once their unit has reviewed them.",
};
pub const SIGN_IN_WITH: Text = Text {
    id: "Masuk dengan {}",
    en: "Sign in with {}",
};
pub const OR_SIGN_IN_WITH_A_PASSWORD: Text = Text {
    id: "Atau masuk dengan nama pengguna dan kata sandi:",
    en: "Or sign in with a username and password:",
};
pub const SSO_UNAVAILABLE: Text = Text {
    id: "{} tidak dapat dihubungi saat ini. Coba lagi sebentar lagi, atau masuk dengan nama pengguna dan kata sandi.",
    en: "{} cannot be reached right now. Try again in a moment, or sign in with a username and password.",
};
pub const SSO_REFUSED: Text = Text {
    id: "Masuk lewat {} dibatalkan atau ditolak.",
    en: "Signing in through {} was cancelled or refused.",
};
pub const SSO_EXPIRED: Text = Text {
    id: "Waktu untuk masuk sudah habis, atau masuk dimulai di peramban lain. Silakan mulai lagi.",
    en: "The time to sign in ran out, or signing in began in another browser. Please start again.",
};
pub const SSO_INVALID: Text = Text {
    id: "Jawaban dari {} tidak dapat dipastikan keasliannya, jadi Anda belum dimasukkan. Coba lagi; jika terulang, hubungi administrator.",
    en: "The answer from {} could not be confirmed as genuine, so you were not signed in. Try again; if it happens again, contact the administrator.",
};
pub const SSO_NO_ROLE: Text = Text {
    id: "Akun Anda di {} belum diberi peran di suara. Minta administrator kepegawaian menambahkan Anda ke grup yang sesuai.",
    en: "Your account at {} has no role in suara yet. Ask the staff administrator to add you to the right group.",
};
pub const SSO_MANY_ROLES: Text = Text {
    id: "Akun Anda di {} punya lebih dari satu peran di suara ({}). Satu akun hanya boleh memegang satu peran: minta administrator menyisakan satu.",
    en: "Your account at {} has more than one role in suara ({}). An account may hold only one role: ask the administrator to keep one.",
};
pub const SSO_MISSING_DETAIL: Text = Text {
    id: "{} tidak mengirim unit kerja, NIP atau nama pengguna Anda, yang diperlukan untuk peran {}. Minta administrator melengkapinya.",
    en: "{} did not send your work unit, NIP or username, which the role {} needs. Ask the administrator to complete it.",
};
pub const SSO_USERNAME_TAKEN: Text = Text {
    id: "Nama pengguna {} sudah dipakai akun lain di suara, jadi akun Anda tidak disambungkan ke sana. Minta administrator memeriksanya.",
    en: "The username {} already belongs to another account in suara, so yours was not linked to it. Ask the administrator to look into it.",
};
pub const SSO_UNKNOWN_UNIT: Text = Text {
    id: "{} menyebut unit kerja yang tidak ada di suara. Minta administrator memeriksa unit kerja Anda di sana.",
    en: "{} names a work unit that suara does not have. Ask the administrator to check your work unit there.",
};
pub const ACCOUNT_DISABLED_ASK_ADMIN: Text = Text {
    id: "Akun ini dinonaktifkan. Hubungi administrator jika ini keliru.",
    en: "This account is disabled. Contact the administrator if this is a mistake.",
};
/// Every text above, for the completeness test.
#[cfg(test)]
pub const EVERY_TEXT: &[Text] = &[
    FORM_FROM_ANOTHER_SITE,
    RATINGS_ONLY_FROM_THIS_SITES_FORM,
    REVIEW_CITIZENS_SUGGESTIONS,
    N_SUGGESTIONS_WAITING_LINK,
    SUGGESTIONS_REVIEW_INTRO,
    NO_SUGGESTIONS_WAITING,
    N_SUGGESTIONS_WAITING,
    N_MAY_IDENTIFY_SOMEONE,
    RECEIVED_TIMES,
    N_TIMES,
    LAST_RECEIVED,
    WHY_IT_IS_CHECKED,
    CONCERN_NAME,
    CONCERN_ADDRESS,
    CONCERN_CONTACT,
    TEXT_OTHERS_MAY_READ,
    TEXT_OTHERS_MAY_READ_HINT,
    WORD_NOT_IN_THE_SUGGESTION,
    SAVE_THIS_REVIEW,
    WHAT_OTHERS_WILL_READ,
    NUMBER_OF_SUGGESTIONS,
    A_REVIEW_CANNOT_BE_CHANGED,
    YES_SAVE_THE_REVIEW,
    SUGGESTIONS_WITHOUT_FLAGS,
    N_SUGGESTIONS_WITHOUT_FLAGS,
    AND_N_MORE_TEXTS,
    SHOW_THESE_SUGGESTIONS,
    SHOW_N_SUGGESTIONS_AS_THEY_ARE,
    YES_SHOW_THEM,
    CITIZEN_SUGGESTION,
    SUGGESTIONS_HELD_UNTIL_REVIEWED,
    N_START_TODAY,
    STARTS_KEPT,
    STORED_START,
    START_IN_THE_FILE,
    R_ADDRESS_OF_ANOTHER_OFFICER,
    OFFICER_HAS_LEFT_EDIT_BY_LIST,
    PAID_FOR_DAYS_ASSIGNED,
    POLICY_PART_MONTH_DAYS,
    POLICY_PART_MONTH,
    PART_MONTH_LAST_DAY,
    PART_MONTH_DAYS,
    SAVE_CHANGES,
    NOTHING_CHANGED,
    CHANGES_SAVED_AND_AUDIT_LOGGED,
    EDIT_UNIT,
    EDIT_SERVICE,
    EDIT_SERVICE_POINT,
    EDIT_OFFICER,
    EDIT_UNIT_SERVICES_AND_POINTS,
    ASSIGNED_FROM_HINT,
    SIGNER_HINT,
    OFFICER_EMAIL_HINT,
    NO_PARENT_UNIT,
    AS_THE_PARENT_UNIT,
    N_OFFICER_EMAILS,
    FIRST_SIGN_IN_MAIL_SUBJECT,
    FIRST_SIGN_IN_MAIL_BODY,
    MAILED_FIRST_SIGN_INS,
    MAIL_WHEN_ADDRESS_KNOWN,
    N_ACCOUNTS_MADE_ALL_MAILED,
    OFFICER_EMAIL,
    BANDS_HINT,
    BAND_INCOMPLETE,
    BAND_N_FROM,
    BAND_N_FACTOR,
    BLEND_HINT,
    CHOOSE_ONE_OF_THE_OPTIONS,
    DEDUCTIONS_HINT,
    DEDUCTION_CAP_RUPIAH,
    DEDUCTION_NAME,
    DEDUCTION_PERCENT_FOR_ALL,
    DEDUCTION_RANK_PERCENT,
    DEDUCTION_UNNAMED,
    FIELD_NOT_A_NUMBER,
    FIELD_NOT_A_PERCENT,
    FIELD_NOT_A_WHOLE_NUMBER,
    HEADS_JUDGED_ON_UNITS_LED,
    JUDGED_ON_THEIR_UNIT,
    MAX_FALL_HINT,
    NEW_VERSION_NAME,
    NEW_VERSION_NAME_HINT,
    NOT_SET,
    NO_BAND,
    N_MONTHS,
    POLICY_CONFIDENCE,
    POLICY_EVIDENCE_MONTHS,
    POLICY_FORM_INTRO,
    THE_TPP_POLICY_GUIDE,
    EXPLAINS_EVERY_RULE_WITH_EXAMPLES,
    POLICY_MIN_DAYS,
    POLICY_MIN_RESPONSES,
    POLICY_NOTE,
    POLICY_NOTE_HINT,
    POLICY_SAMPLE,
    POLICY_SECTION_EVIDENCE,
    POLICY_SECTION_SCORE,
    POLICY_SECTION_VERSION,
    POLICY_THRESHOLD,
    POLICY_THRESHOLD_HINT,
    POLICY_UNCONFIRMED,
    RULE_CHOICE_LINEAR,
    RULE_CHOICE_PROPORTIONAL,
    RULE_CHOICE_STEPS,
    START_FROM_THIS_VERSION,
    UNCONFIRMED_HINT,
    UNTIL_BEFORE_FROM,
    WEIGHTS_DO_NOT_ADD_UP,
    WEIGHTS_HINT,
    WEIGHT_ATTENDANCE,
    WEIGHT_PRODUCTIVITY,
    WEIGHT_SATISFACTION,
    OFFICERS_HELD_BY_THE_FALL_LIMIT,
    FALLS_AT_MOST_A_MONTH,
    SIGN_IN_CODE,
    SIGN_IN_CODE_LEAD,
    CODE_FROM_THE_APP,
    OR_A_RECOVERY_CODE,
    WRONG_CODE,
    SET_UP_SIGN_IN_CODE,
    SETUP_STEP_INSTALL,
    SETUP_STEP_SCAN,
    SETUP_KEY,
    SETUP_STEP_TYPE,
    TURN_ON,
    QR_FOR_THE_APP,
    RECOVERY_CODES,
    RECOVERY_CODES_LEAD,
    RECOVERY_CODES_LEFT,
    SECOND_FACTOR_SET,
    RECOVERY_CODE_USED,
    SECOND_FACTOR_RESET,
    JUDGED_ON_UNITS_LED,
    POLICY_UNITS_LED,
    POLICY_NOT_SERVING_PUBLIC,
    EVIDENCE_OVER_MONTHS,
    OVER_MONTHS_YOUR_UNIT_HAD,
    SERVICE_USERS_OVER_MONTHS,
    POLICY_MAX_MONTHLY_FALL,
    FALL_LIMIT_FROM_LAST_MONTH,
    FALL_LIMIT_FROM_FULL_PAY,
    THE_LAST_DAY_REACHES_A_PAID_MONTH,
    MARGIN_OF_ERROR_95,
    FROM_KIOSKS_AND_TICKETS,
    HOW_SURE_THE_IKM_IS,
    POLICY_DEDUCTION_N,
    POLICY_EFFECTIVE_FROM,
    POLICY_EFFECTIVE_UNTIL,
    POLICY_FLOOR,
    POLICY_CAP,
    POLICY_BLEND,
    POLICY_MIN_TRUST,
    POLICY_WEIGHTS,
    POLICY_SATISFACTION_RULE,
    POLICY_FIELD,
    EMAIL_ADDRESS,
    EMAIL_ADDRESS_USE,
    EMAIL_ADDRESS_EMPTY_FOR_NONE,
    SAVE_THE_ADDRESS,
    THAT_IS_NOT_AN_EMAIL_ADDRESS,
    EMAIL_ADDRESS_SAVED,
    EMAIL_ADDRESS_REMOVED,
    EMAIL_ADDRESS_SET,
    RESET_YOUR_PASSWORD,
    FORGOT_YOUR_PASSWORD,
    FORGOT_PASSWORD_INTRO,
    USERNAME_OR_EMAIL,
    SEND_THE_LINK,
    RESET_LINK_SENT_IF_KNOWN,
    RESET_BY_EMAIL_UNAVAILABLE,
    ENTER_YOUR_USERNAME_OR_EMAIL,
    BACK_TO_SIGN_IN,
    CHOOSE_A_NEW_PASSWORD,
    EVERY_SESSION_OF_THIS_ACCOUNT_ENDS,
    SET_THE_PASSWORD,
    RESET_LINK_NO_LONGER_VALID,
    ASK_FOR_A_NEW_LINK,
    PASSWORD_SET_SIGN_IN,
    RESET_MAIL_SUBJECT,
    RESET_MAIL_BODY,
    UNIT_HEAD_NIP,
    TREASURER_NIP,
    R_NO_SUCH_SIGNER,
    R_FIELD_COUNT,
    R_OFFICER_LEFT_ALREADY,
    R_LAST_DAY_BEFORE_START,
    R_LAST_DAY_TOO_FAR,
    R_NOT_A_STATUS,
    R_GIVE_WHY_LEAVING,
    R_GIVE_LAST_DAY,
    OFFICERS_WHO_LEAVE,
    DEPARTURE_UNPAID_LEAVE,
    THAT_SOURCE_HAS_NO_ANSWERS,
    NO_OFFICER_WAITS_FOR_CONFIRMATION,
    COVERS_RESPONSES_UP_TO,
    EVIDENCE_SOURCE,
    CONFIRMED,
    EVIDENCE_SOURCES,
    EVIDENCE_SOURCES_INTRO,
    POLICY_COUNTS_EVERY_SOURCE,
    OFFICERS_PAID_ON_CONFIRMED_EVIDENCE_ONLY,
    NO_PAY_EVIDENCE_THIS_MONTH,
    SOURCE,
    NOT_YET_CONFIRMED,
    OFFICERS_NAMED,
    CONFIRMATION,
    CONFIRMED_BY_ON,
    CONFIRM_SOURCE,
    TICKETS_ISSUED_BY,
    THE_UNIT_S_KIOSKS,
    OFFICERS_WAIT_FOR_CONFIRMATION,
    NOTHING_LEFT_TO_CONFIRM,
    CONFIRM_THIS_SOURCE,
    ANSWERS_OF_WHICH_UNCONFIRMED,
    A_CONFIRMATION_MAKES_THESE_ANSWERS_PAY,
    YES_CONFIRM_SOURCE,
    SOURCE_CONFIRMED,
    YOU_ISSUED_THESE_TICKETS,
    THAT_MONTH_S_TPP_IS_APPROVED,
    SET_ASIDE_FOR_STAFF,
    SET_ASIDE_FOR_OFFICER,
    RUN_SET_ASIDE,
    CHOOSE_A_PASSWORD_OTHER_THAN_THE_CURRENT,
    A_DISCARDED_VERSION_HAS_NO_PAYABLE_LIST,
    R_NOT_AN_EMAIL,
    R_NOT_AN_NPWP,
    R_NOT_AN_ACCOUNT_NUMBER,
    R_STORED_AS_NUMBER,
    R_NAME_1_TO_60,
    R_BELOW_0,
    R_MORE_THAN_10_DEDUCTIONS,
    R_DEDUCTIONS_OVER_100,
    R_NOT_A_GROUP,
    NO_DEDUCTIONS_ON_THE_PAYABLE_LIST,
    OTHER_RANKS,
    AT_MOST_RUPIAH,
    PAYABLE_LIST_PDF,
    THE_OFFICER_RECORDS_ARE_NOT_AS_RECORDED,
    PAYABLE_SUMMARY,
    PAYABLE_TITLE,
    DEDUCTIONS,
    NO_DEDUCTIONS,
    ROW_NUMBER,
    RANK_GOLONGAN,
    ACHIEVEMENT,
    GROSS_RP,
    NET_RP,
    BANK,
    ACCOUNT_NUMBER,
    ACKNOWLEDGED_BY_THE_UNIT_HEAD,
    TREASURER,
    FOR_FINANCE,
    PAYABLE_LIST_XLSX,
    BANK_TRANSFER_FILE_CSV,
    BANK_TRANSFER_FILE,
    PAYEES,
    FILE_FINGERPRINT,
    ONLY_A_LOCKED_RUN_HAS_A_BANK_FILE,
    NO_ACCOUNT_NUMBER_FOR,
    ACCOUNTS_FOR_OFFICERS,
    EACH_OFFICER_GETS_AN_ACCOUNT_AND_A_LETTER,
    EVERY_OFFICER_AT_WORK_HAS_AN_ACCOUNT,
    N_OFFICERS_WITHOUT_AN_ACCOUNT,
    THE_PASSWORDS_SHOW_ONCE,
    MAKE_THE_ACCOUNTS_AND_THE_LETTERS,
    CHOOSE_A_UNIT_WHOSE_OFFICERS_HAVE_NO_ACCOUNT,
    EVERY_OFFICER_OF_THIS_UNIT_HAS_AN_ACCOUNT,
    FIRST_SIGN_IN_LETTERS,
    N_ACCOUNTS_MADE_PRINT_NOW,
    TO,
    YOUR_SUARA_ACCOUNT_IS_READY,
    SIGN_IN_AT,
    ONE_TIME_PASSWORD_2,
    CHANGE_IT_AT_FIRST_SIGN_IN_KEEP_IT_TO_YOURSELF,
    SOMEONE_ELSE_CHOSE_THIS_PASSWORD,
    MAKE_ACCOUNTS_FOR_A_UNIT_S_OFFICERS,
    ENTRY_CODES,
    BEGUN,
    THE_SYSTEM,
    FROM_RESPONSE_NUMBER,
    DISCARDED,
    DISCARD_THIS_VERSION,
    DISCARD_THE_TPP_RUN,
    ONCE_DISCARDED_NEVER_PAID,
    YES_DISCARD,
    VERSION_DISCARDED,
    ONLY_DRAFTS_ARE_DISCARDED,
    ASSIGNMENT_ENDED,
    ASSIGNED_FROM,
    R_NOT_A_SAMPLE_RULE,
    R_OFFICER_LEFT,
    R_SHEET_TOO_LARGE,
    SEE_ITS_EFFECT_FIRST,
    WHAT_THIS_POLICY_WOULD_HAVE_PAID,
    COMPUTED_FROM_TODAY_S_DATA_NOTHING_SAVED,
    UNDER_THIS_POLICY,
    OFFICERS_CHANGED,
    ON_TOO_LITTLE_EVIDENCE,
    BY_UNIT_IN,
    NO_UNIT_S_TOTAL_CHANGES,
    NO_MONTH_COMPUTED_YET,
    THIS_POLICY_IS_VALID_AND_NOT_SAVED_YET,
    R_UNREADABLE_WORKBOOK,
    R_NO_SHEET,
    R_UNITS_SHARE_A_NAME,
    R_NOT_A_UNIT,
    COLUMNS_NOT_USED,
    CONTINUE,
    DEPARTURE_RETIRED,
    DEPARTURE_DIED,
    DEPARTURE_TRANSFERRED_OUT,
    DEPARTURE_DISMISSED,
    DEPARTURE_OTHER,
    CHOOSE_WHY_THE_OFFICER_LEAVES,
    THE_LAST_DAY_IS_BEFORE_THE_ASSIGNMENT,
    THE_LAST_DAY_IS_MORE_THAN_A_YEAR_AHEAD,
    THE_LAST_DAY_IS_NOT_A_DATE,
    ENTER_THE_LAST_WORKING_DAY,
    AN_OFFICER_LEAVES,
    THIS_OFFICER_HAS_LEFT_ALREADY,
    FROM_THE_NEXT_DAY_NOBODY_CAN_RATE,
    LAST_WORKING_DAY,
    END_THE_ASSIGNMENT_OF,
    A_DEPARTURE_CANNOT_BE_UNDONE_HERE,
    YES_END_THE_ASSIGNMENT,
    RECORD_THAT_THIS_OFFICER_LEAVES,
    LEFT_THE_SERVICE,
    DAYS_WITH_RESPONSES,
    WHAT_WOULD_CHANGE_IT,
    MORE_RESPONSES,
    RESPONSES_ON,
    MORE_DAYS,
    THE_KREJCIE_MORGAN_SAMPLE_FOR,
    SERVICE_USERS_A_MONTH,
    THEY_WERE_GIVEN_ON,
    DISTINCT_DAYS_THE_RULE_ASKS_FOR,
    DAYS_SO_THAT_ONE_DAY_CANNOT_DECIDE,
    UNITS_JUDGED_ON_TOO_LITTLE_EVIDENCE,
    TO_HAVE_ENOUGH_EVIDENCE,
    MAIL_SIGNING_REFUSED_BODY,
    MAIL_SIGNING_REFUSED_SUBJECT,
    MAIL_HOLDS_BODY,
    MAIL_HOLDS_SUBJECT,
    MAIL_DROP_BODY,
    MAIL_DROP_SUBJECT,
    MAIL_STAGE_BODY,
    MAIL_STAGE_SUBJECT,
    MAIL_APPEAL_DISMISSED,
    MAIL_APPEAL_UPHELD,
    MAIL_APPEAL_DECIDED_BODY,
    MAIL_APPEAL_DECIDED_SUBJECT,
    MAIL_APPEAL_FILED_BODY,
    MAIL_APPEAL_FILED_SUBJECT,
    PROVINCE,
    SERVICES_ARE_MATCHED_BY_THEIR_CODE,
    COMPARE,
    NO_REGENCIES_YET,
    DOWNLOAD_EVERY_REGENCY_AND_SERVICE,
    SERVICES_ACROSS_REGENCIES,
    IKM_PER_REGENCY,
    PROVINCE_VIEW,
    SERVICE_CODE,
    REGENCY_OR_CITY,
    THIS_ADDRESS_SERVES_SEVERAL_REGENCIES,
    CHOOSE_YOUR_REGENCY,
    INNOVATION_DAY_OUT_OF_RANGE,
    REASON_TOO_LONG,
    REGISTER_AN_INNOVATION_FOR_THE_WEAKEST,
    NOT_MEASURED_BEFORE_A_START,
    ADDRESS,
    ADD_A_PARTNER,
    ADD_EVIDENCE,
    ALL_INNOVATIONS,
    BENEFIT,
    CHANGE_THE_REGISTRATION,
    CHECK_BEFORE_DECLINING,
    CHECK_BEFORE_MOVING_THE_STAGE,
    CHOOSE_AN_INDICATOR,
    CHOOSE_A_FILE,
    CONTRIBUTION,
    CONTRIBUTION_RUPIAH,
    COPIED_SINCE,
    DECLINE,
    DECLINING_IS_FINAL,
    DECLINING_NEEDS_A_REASON,
    DESCRIBE_THE_IDEA,
    DESIGN,
    DIGITAL,
    DOCUMENT_TITLE,
    EFFECT_ON_IKM,
    EFFECT_ON_SATISFACTION,
    EFFECT_RESPONSES,
    EFFECT_SENTENCE_BEFORE_AFTER,
    EFFECT_SENTENCE_COMPARED,
    EFFECT_SENTENCE_NOT_ENOUGH,
    EVIDENCE_FILES,
    EVIDENCE_FILE_HINT,
    EVIDENCE_PER_INDICATOR,
    FIELD_NOT_A_NIP,
    FIELD_NOT_RUPIAH,
    FIELD_NO_CONTRIBUTION,
    FIELD_UNKNOWN_VALUE,
    FILE_TOO_LARGE,
    FILE_TYPE,
    FOLLOW_UP_PLANS_OF_THE_UNIT,
    FORM_GOVERNANCE,
    FORM_OTHER,
    FORM_PUBLIC_SERVICE,
    GIFTS_IN_KIND,
    GOAL,
    GOVERNMENT_AFFAIR,
    GROUP_SERVED,
    HOW_IT_IS_MEASURED,
    IDEA,
    IDEAS_AND_SUGGESTIONS,
    IDEA_DECIDED_ALREADY,
    IDEA_DECLINED,
    IDEA_DESCRIPTION,
    IDEA_NOT_SAVED_YET,
    IDEA_OPEN,
    IDEA_TAKEN_UP,
    IKM_BEFORE,
    IKM_NOW,
    IMPLEMENTATION_DATE,
    INDEX_TITLE,
    INDEX_WORKBOOK,
    INDICATOR,
    INDICATOR_ACTORS,
    INDICATOR_BENEFIT,
    INDICATOR_BUDGET,
    INDICATOR_COMPLAINTS,
    INDICATOR_GUIDE,
    INDICATOR_IT,
    INDICATOR_MONITORING,
    INDICATOR_NETWORK,
    INDICATOR_OUTREACH,
    INDICATOR_PEOPLE,
    INDICATOR_PLANNING,
    INDICATOR_REGULATION,
    INDICATOR_REPLICATION,
    INDICATOR_TRAINING,
    INITIATOR,
    INITIATOR_CITIZEN,
    INITIATOR_COUNCIL,
    INITIATOR_OFFICER,
    INITIATOR_REGENT,
    INITIATOR_UNIT,
    INNOVATION,
    INNOVATIONS,
    INNOVATIONS_FOUND,
    INNOVATIONS_HOME_LEAD,
    INNOVATIONS_LEAD,
    INNOVATIONS_STARTED,
    INNOVATION_FORM,
    INNOVATION_NAME,
    INNOVATION_NOT_SAVED_YET,
    INNOVATION_REGISTRY,
    INNOVATION_STAGE,
    INNOVATION_SUMMARY,
    IN_KIND,
    KIND_DIGITAL,
    LOWEST_RATED_ELEMENT,
    METHOD_EXPLAINED,
    MOVE_THE_STAGE,
    MOVE_TO_STAGE,
    MOVE_TO_STAGE_ON,
    MUSRENA_CODES,
    MUSRENA_PROPOSALS_ANSWERED,
    NOT_A_UNIT,
    NOT_DIGITAL,
    NOT_FOUND_ANY_MORE,
    NOT_SAVED_YET,
    NOT_STARTED_YET,
    NO_EVIDENCE_YET,
    NO_IDEAS_YET,
    NO_INNOVATIONS_YET,
    NO_OFFICER_WITH_NIP,
    NO_PARTNERS_YET,
    NO_RESPONSES_IN_SIX_MONTHS,
    NO_SUCH_INNOVATION,
    NO_SUGGESTIONS,
    NUMBER,
    ONLY_PDF_JPEG_PNG,
    PARTNER,
    PARTNERS,
    PARTNERS_AND_CONTRIBUTIONS,
    PARTNER_BUSINESS,
    PARTNER_COMMUNITY,
    PARTNER_GOVERNMENT,
    PARTNER_KIND,
    PARTNER_MEDIA,
    PARTNER_OTHER,
    PARTNER_UNIVERSITY,
    PARTNER_VILLAGE,
    PIPELINE_PER_UNIT,
    REASON_FOR_DECLINING,
    REGISTER_AN_INNOVATION,
    REPLICATED_IN,
    REPLICATION_NEEDS_A_UNIT,
    RESULT,
    RISE_MONTHS,
    SAVE_THE_INNOVATION,
    SAVE_THE_PARTNER,
    SAVE_THE_START,
    SDG_GOAL,
    SDG_TARGETS,
    SDG_TARGETS_HINT,
    SEE_THE_INNOVATION,
    SEE_THE_INNOVATIONS,
    STAFF_IDEAS,
    STAGES_NEVER_MOVE_BACK,
    STAGE_IDEA,
    STAGE_IMPLEMENTED,
    STAGE_ONE_STEP_AT_A_TIME,
    STAGE_REPLICATED,
    STAGE_TRIAL,
    STARTED_SINCE,
    START_DATE,
    START_IN_A_UNIT,
    START_IN_A_UNIT_HINT,
    SUBMIT_AN_IDEA,
    SUBMIT_THE_IDEA,
    SUGGESTIONS_OF_MONTHS,
    TAKE_UP,
    TARGETED_ELEMENTS,
    TEAM,
    TEAM_NIPS,
    THE_CHANGE,
    TIMES,
    TRIAL_DATE,
    UNITS_USING_IT,
    UNITS_WHOSE_IKM_ROSE_MOST,
    UPLOAD_THE_EVIDENCE,
    VERDICT_FELL,
    VERDICT_NOT_ENOUGH,
    VERDICT_NO_CHANGE,
    VERDICT_ROSE,
    WEAKEST_ELEMENTS_OF,
    WHAT_CITIZENS_ASKED_FOR,
    WHAT_THE_EFFECTS_SAY,
    WRITE_THE_DOCUMENT_TITLE,
    WRITE_THE_IDEA_IN_A_LINE,
    PAYROLL_02,
    PAYROLL_07,
    PAYROLL_DISCARDED,
    PAYROLL_09,
    PAYROLL_10,
    PAYROLL_11,
    PAYROLL_12,
    PAYROLL_13,
    PAYROLL_16,
    PAYROLL_17,
    PAYROLL_23,
    PAYROLL_24,
    PAYROLL_25,
    PAYROLL_26,
    PAYROLL_27,
    PAYROLL_28,
    PAYROLL_30,
    PAYROLL_31,
    PAYROLL_33,
    PAYROLL_34,
    PAYROLL_35,
    PAYROLL_36,
    PAYROLL_37,
    PAYROLL_38,
    PAYROLL_39,
    PAYROLL_40,
    PAYROLL_41,
    PAYROLL_42,
    ELEMENT_REQUIREMENTS,
    ELEMENT_PROCEDURE,
    ELEMENT_COMPLETION_TIME,
    ELEMENT_COST,
    ELEMENT_PRODUCT_SPECIFICATION,
    ELEMENT_COMPETENCE,
    ELEMENT_BEHAVIOUR,
    ELEMENT_COMPLAINT_HANDLING,
    ELEMENT_FACILITIES,
    GRADE_A,
    GRADE_B,
    GRADE_C,
    GRADE_D,
    PLAN_PLANNED,
    PLAN_IN_PROGRESS,
    PLAN_DONE,
    HELD_DEVICE_REPEAT,
    HELD_NETWORK_BURST,
    HELD_STRAIGHT_LINED,
    HELD_UNIT_BURST,
    HELD_TICKET_AT_COUNTER,
    HELD_KIOSK_TOO_FAST,
    THE_PHOTO_HAS_TOO_MANY_PIXELS,
    TPP_NOT_COMPUTED_YET,
    A_NEW_VERSION_IS_BEING_PREPARED,
    WHOEVER_KEPT_AN_EARLIER_HEAD_CAN_CHECK,
    EVERY_SIGNED_HEAD,
    AND,
    THE_PROOF_THAT_THE_LATEST_EXTENDS_THE_ONE_BEFORE,
    A_MONTH_IS_COMPUTED_AFTER_IT_ENDS,
    TO_THE_TPP_PAGE,
    HELD_KIOSK_BURST,
    MANY_FROM_ONE_KIOSK,
    KIOSK_ANSWERED_TOO_FAST,
    HELD_OUTSIDE_HOURS,
    R_NOT_RUPIAH,
    R_CLASS_LENGTH,
    R_REQUIRED,
    R_IS_EMPTY,
    R_TOO_LONG,
    R_CHOOSE_ELEMENT,
    R_NOT_A_DATE,
    R_COLUMN_TWICE,
    R_COLUMN_MISSING,
    R_START_BEFORE_END,
    R_NOT_A_DECIMAL,
    R_PASSWORD_LENGTH,
    R_PASSWORD_VARIETY,
    R_USERNAME,
    R_UNIT_ADMIN_NEEDS_UNIT,
    R_OFFICER_NEEDS_NIP,
    R_NOT_A_MONTH,
    R_NOT_A_MONTH_OCTOBER,
    R_NOT_A_FACTOR,
    R_NOT_BETWEEN,
    R_FLOOR_ABOVE_CAP,
    R_WEIGHTS_SUM,
    R_NO_COLUMN,
    R_APPEARS_TWICE,
    R_NOT_A_NIP,
    R_NIP_TWICE,
    R_NOT_A_CODE,
    R_LONGER_THAN,
    R_UNKNOWN_UNIT,
    R_ALREADY_ON_LINE,
    R_NOT_A_WHOLE_NUMBER,
    R_NOT_YES_NO,
    R_NOT_A_DATE_VALUE,
    R_NOT_A_CONFIDENCE,
    R_NOT_A_TRUST,
    R_TWO_BANDS,
    R_NOT_A_RULE,
    R_TOO_MANY_PLACES,
    R_BEFORE_EFFECTIVE_FROM,
    R_VERSION_LENGTH,
    R_STEPS_NEED_A_BAND,
    SUMMARY,
    UNIT_CODE,
    SKM_SUMMARY,
    FIND_AN_OFFICER,
    AUDIT_SEARCH,
    NO_ENTRY_MATCHES,
    NO_SUCH_FORUM,
    NO_SUCH_PROPOSAL,
    NOT_A_DISTRICT,
    NOT_SAVED_BY_THE_SERVER,
    STEP_NOT_ALLOWED,
    PROPOSAL_IS_FINAL,
    REJECTION_NEEDS_A_REASON,
    IMPLEMENTATION_NEEDS_EVIDENCE,
    BUDGET_MORE_THAN_ZERO,
    NO_LEVEL_ABOVE,
    RULE_PROPORTIONAL,
    RULE_LINEAR,
    RULE_STEPS,
    RUN_AWAITS_LOCK,
    MONTH_NOT_ENDED,
    LOG_NOT_EXTENDING,
    RUN_HISTORY_DISAGREES,
    AUDIT_INNOVATION_IDEA,
    AUDIT_WORK_PROGRESS,
    AUDIT_MUSRENA_RULE,
    AUDIT_DECIDED,
    AUDIT_EVIDENCE_ADDED,
    AUDIT_PARTNER_ADDED,
    AUDIT_STAGE_CHANGED,
    AUDIT_STARTED,
    AUDIT_RECOMMENDED,
    AUDIT_RAB_ATTACHED,
    AUDIT_ASSISTED_VOTE,
    AUDIT_AFFAIR,
    AUDIT_CHANGE,
    AUDIT_PERCENT,
    AUDIT_PHOTO,
    AUDIT_SPENT,
    AUDIT_LEVELS,
    AUDIT_MEASURE,
    AUDIT_UNIT_PRICE,
    AUDIT_NPWP,
    AUDIT_RANK,
    AUDIT_SDGS,
    AUDIT_BOUNDARY,
    MAP_BOUNDARY_RECORDED,
    AUDIT_GROUPS,
    AUDIT_DIGITAL,
    AUDIT_PROPOSALS,
    COLUMN_HEADERS,
    ROW,
    R_UNKNOWN_COLUMN,
    BUILT_IN_POLICY,
    INPUTS_MOVED_TITLE,
    INPUTS_MOVED_BODY,
    INPUTS_MOVED_NO_AMOUNT,
    INPUTS_MOVED_REFUSED,
    R_REACHES_CLOSED_MONTH,
    RECORDS_DISAGREE_TITLE,
    RECORDS_DISAGREE_BODY,
    POLICY_VERSION_TAKEN,
    UNKNOWN_NIPS,
    FOUR_EYES_REFUSED,
    NO_SUCH_RUN,
    NO_SUCH_APPEAL,
    POLICY_UNREADABLE,
    ONE_TIME_PASSWORD,
    WAIT_SECONDS,
    KIOSK_STARTS_OVER,
    USER_ACCOUNT,
    API_KEY,
    SURVEY_KIOSK,
    MUSRENA_FORUM,
    MUSRENA_PROPOSAL,
    HELD_RESPONSE,
    SURVEY_TICKET,
    TPP_APPEAL,
    BASE_TPP_AMOUNTS,
    TPP_COMPONENTS,
    TPP_POLICY,
    TPP_RUN,
    SERVICE_UNIT,
    SERVICE_2,
    CREATED,
    CHANGED_2,
    REPLACED,
    IMPORTED,
    ISSUED,
    REVOKED_2,
    COMPUTED,
    REVIEWED_2,
    LOCKED_2,
    FILED,
    UPHELD,
    DISMISSED,
    ACCEPTED,
    VERIFIED_2,
    PRIORITIZED_2,
    CARRIED_TO_THE_MUSRENBANG_2,
    REJECTED_2,
    PASSWORD_SET,
    DISABLED_2,
    ENABLED,
    SESSIONS_ENDED,
    SUBMITTED_2,
    RETURNED,
    BUDGETED_2,
    IMPLEMENTED_3,
    FORWARDED,
    UNIT_2,
    NIP,
    PARENT_UNIT,
    KIND,
    VALID_UNTIL,
    ISSUER,
    NOTE,
    FORUM_DATE,
    POLICY_VERSION,
    USERS_PER_MONTH,
    SERVES_THE_PUBLIC,
    SERVICE_HOURS_2,
    UPHELD_2,
    YES,
    NO,
    ACCEPT,
    ACCEPTED_INTO_THE_RKPD,
    ACCEPT_2,
    ACCEPT_INTO_THE_RKPD,
    ACCESSIBILITY,
    ACCESSIBILITY_PROVIDED,
    ACCOUNT,
    ACCOUNT_CREATED,
    ACTION,
    ACTIONS,
    ACTIVE,
    ACTIVITY,
    ADD_AN_ACCOUNT,
    ADD_A_PROPOSAL,
    ADD_THE_PLAN,
    ADMINISTRATION,
    ADMINISTRATION_2,
    AFTER,
    AFTER_SERVING_A_CITIZEN_ISSUE_ONE_TICKET,
    AGE,
    ALL,
    ALL_ITS_SESSIONS_ENDED,
    AMOUNT,
    AND_CAP,
    AND_WHO_REVIEWED_IT,
    ANONYMOUS,
    ANONYMOUS_RESPONSES,
    ANSWERS,
    ANSWERS_AT_A_COUNTER_KIOSK_AND_TICKETS,
    ANSWERS_U1_U9,
    APBD_BUDGET,
    APBD_BUDGET_RP,
    APPEAL,
    APPEALED_AWAITING_THE_INSPECTORATE,
    APPEALS_OF_RESPONSES,
    APPEAL_DISMISSED,
    APPEAL_FILED_THE_INSPECTORATE_WILL_DECIDE,
    APPEAL_UPHELD,
    APPLY,
    APPROVE,
    APPROVED,
    APPROVE_THE_TPP_RUN,
    APPROVING_AND_LOCKING_ARE_DONE_BY_BPKAD,
    ASSIGNMENT_HISTORY,
    AT,
    ATTENDANCE,
    AUDIT_LOG,
    AWAITING_A_DECISION,
    A_FEW_RESPONSES_MUST_NOT_DECIDE_ALONE,
    A_LOCKED_RUN_NEVER_CHANGES,
    A_MONTH_THAT_HAS_ENDED,
    A_NIP_HAS_18_DIGITS,
    A_RESPONSE_FOR_THIS_TICKET_IS_ALREADY,
    A_SCORE_FROM_A_SAMPLE_CAN_BE,
    A_STEP_FOR_THE_CHOSEN_PROPOSALS,
    A_TABLET_AT_THE_COUNTER_CAN_BE,
    BACK,
    BACK_TO_THE_UNIT_S_PAGE,
    BASE,
    BASE_TPP,
    BASE_TPP_OF_POSITION_CLASS,
    BASE_TPP_PER_POSITION_CLASS,
    BEFORE,
    BENEFICIARIES,
    BENEFICIARIES_PER_GROUP_PEOPLE,
    BRAILLE,
    BUDGET,
    BUDGETED,
    BUDGETED_APBD,
    BUDGETED_IN_THE_APBD,
    BUDGET_IN_THE_APBD,
    BURST_AT_THE_UNIT,
    BY,
    BY_UNIT,
    CANCEL,
    CARRIED_TO_THE_MUSRENBANG,
    CARRY_TO_THE_MUSRENBANG_NEXT_LEVEL,
    CHANGE,
    CHANGED,
    CHANGES,
    CHANGES_FROM_VERSION,
    CHANGE_PASSWORD,
    CHANGE_YOUR_PASSWORD,
    CHANNEL,
    CHANNEL_AND_SOURCE,
    CHECK,
    CHECK_AND_SAVE,
    CHECK_A_RECEIPT,
    CHECK_ONLY_IMPORTS_NOTHING,
    CHECK_THEN_IMPORT,
    CHECK_THE_CODE_ON_YOUR_TICKET_10,
    CHECK_THE_DECISION,
    CHECK_THE_NUMBER_ON_THE_THANK_YOU,
    CHECK_YOUR_RATING,
    CHILDCARE,
    CHILDREN,
    CHILD_PROTECTION,
    CHOOSE_ACCEPT_OR_REJECT,
    CHOOSE_AN_ACCOUNT_AND_AN_ACTION,
    CHOOSE_AN_ACTION,
    CHOOSE_AN_ACTIVE_KIOSK_OF_YOUR_UNITS,
    CHOOSE_AN_APPEAL_AND_A_DECISION,
    CHOOSE_AT_LEAST_ONE_CSV_FILE,
    CHOOSE_A_CSV_FILE,
    CHOOSE_A_MONTH_YYYY_MM,
    CHOOSE_A_ROLE,
    CHOOSE_A_SERVICE_POINT_OF_YOUR_UNITS,
    CHOOSE_A_STATUS,
    CHOOSE_PROPOSALS_A_STEP_AND_A_DATE,
    CHOOSE_THE_DISTRICT,
    CHOOSE_THE_FORUM_S_LEVEL,
    CHOOSE_THE_SERVICE_JUST_GIVEN,
    CLASS,
    CODE,
    COLUMNS,
    COMBINED,
    COMPONENT_ROWS_IMPORTED,
    COMPUTE,
    COMPUTE_A_MONTH_S_TPP,
    CONFIDENCE_THE_TRUE_SCORE_IS_AT_MOST,
    COUNTED,
    COUNTED_FOR_TPP,
    COUNTER,
    CREATE_ACCOUNT,
    CURRENT_PASSWORD,
    CURRENT_STAGE,
    DASHBOARD,
    DATA_INTEGRITY,
    DATE,
    DEADLINE,
    DECIDED,
    DECIMALS,
    DECISION,
    DECISION_FOR_THOSE_TICKED,
    DEFAULT_TODAY_THE_HISTORY_IS_KEPT,
    DIFFERENCE,
    DISABLE,
    DISABLED,
    DISABLED_ITS_SESSIONS_ENDED_AT_ONCE,
    DISMISS,
    DISMISSED_THE_RESPONSE_STILL_COUNTS,
    DISMISS_THIS_APPEAL,
    DISTRICT,
    DISTRICT_EMPTY_FOR_THE_REGENCY_LEVEL,
    DISTRICT_MUSRENBANG,
    DISTRICT_VILLAGE,
    DOWNLOAD,
    DOWNLOAD_THE_PROPOSALS_IN_THE_RKPD_AS,
    DOWNLOAD_THE_SKM_REPORT_PDF,
    DOWNLOAD_THE_SUMMARY_OF_EVERY_UNIT_NRR,
    DRAFT,
    EACH_OFFICER_S_TPP_FOLLOWS_PUBLIC_SATISFACTION,
    EASY_READ_FORM_CHILDREN,
    EASY_READ_MATERIAL,
    ECONOMY,
    EDUCATION,
    EFFECTIVE,
    ELDERLY,
    ELEMENT,
    ENABLE,
    ENABLED_AGAIN,
    END_SESSIONS,
    ENVIRONMENT,
    ESTIMATED_COST,
    ESTIMATED_COST_RP,
    EVERY_ADMINISTRATIVE_CHANGE_NEWEST_FIRST_THIS_LOG,
    EVERY_CHANNEL,
    EVERY_COUNTED_RESPONSE_IS_A_LEAF_OF,
    EVERY_ONE_MATCHING_THE_FILTER,
    EVERY_OTHER_SESSION_OF_THIS_ACCOUNT_ENDS,
    EVERY_RESPONSE_LINK_QR_API_KIOSK_AND,
    EVIDENCE,
    EVIDENCE_2,
    EVIDENCE_OF_IMPLEMENTATION,
    FACILITATOR,
    FACTOR,
    FACTOR_PAID_ROUNDED_TO_0_01,
    FIELD,
    FIELD_2,
    FILE,
    FILL_IN_THE_PLACE_AND_FACILITATOR,
    FILTER,
    FIND_A_UNIT,
    FOLLOW_UP_PLAN,
    FOLLOW_UP_PLANS,
    FORUM,
    FORUM_CODE,
    FOR_SCORE,
    FOUR_EYES,
    FROM,
    FULL_SCREEN,
    GIVE_THE_KIOSK_A_NAME_AT_MOST,
    GIVE_THIS_CODE_TO_THE_PROPOSERS_WITH,
    GIVE_YOUR_IDEA_A_NAME,
    GRADE,
    GROUP,
    HEALTH,
    HEARING_SPEECH_DISABILITY,
    HELD_BECAUSE,
    HELD_BETWEEN_FLOOR,
    HELD_RESPONSES,
    HISTORY,
    HOW_MANY_PEOPLE_WOULD_IT_HELP,
    HOW_MANY_PROPOSALS_EACH_GROUP_MADE_AND,
    IF_A_RESPONSE_IS_NOT_ABOUT_YOUR,
    IKM_25_100_GRADES_A_88_31,
    IKM_DASHBOARD,
    IKM_PER_MONTH,
    IKM_PER_SERVICE_UNIT,
    IKM_PER_UNIT,
    IKM_PER_UNIT_25_100,
    IMAGE_PNG,
    IMPLEMENTED,
    IMPLEMENTED_2,
    IMPORT,
    IMPORT_BASE_AMOUNTS_REPLACES_THE_TABLE,
    IMPORT_COMPONENTS,
    IMPORT_DONE,
    IMPORT_ORGANISATION,
    INCLUDING_ALL_SUB_UNITS,
    INCLUSION_PROOF,
    INFRASTRUCTURE,
    INITIAL_PASSWORD_AT_LEAST_12_CHARACTERS,
    INPUT_DIGEST,
    INTELLECTUAL_DISABILITY,
    IN_FORCE_THIS_MONTH,
    IN_THE_ANNUAL_PLAN_RKPD,
    IN_THE_OPEN_EVERY_UNIT_S_IKM,
    IN_THE_PUBLISHED_SKM,
    IN_THE_RKPD,
    ISSUE_TICKET,
    IS_NOT_AN_AMOUNT_IN_RUPIAH,
    IS_NOT_KNOWN,
    IS_REQUIRED,
    IS_THE_EVIDENCE_ENOUGH,
    IS_TOO_LONG,
    KIOSK,
    KIOSK_NOT_YET_APPROVED,
    KIOSK_APPROVALS,
    KIOSK_APPROVALS_INTRO,
    KIOSKS_AWAITING_APPROVAL,
    NO_KIOSK_AWAITS_APPROVAL,
    APPROVE_KIOSK,
    APPROVE_NOW,
    APPROVAL,
    APPROVED_KIOSKS,
    KIOSK_APPROVED,
    CHOOSE_A_KIOSK_AWAITING_APPROVAL,
    THAT_KIOSK_IS_APPROVED_ALREADY,
    YOU_REGISTERED_THAT_KIOSK,
    POINT_HAS_AN_APPROVED_KIOSK,
    AWAITING_APPROVAL,
    APPROVED_BY,
    KIOSKS_AND_TICKETS,
    KIOSK_NAME_E_G_COUNTER_1_TABLET,
    KIOSK_REVOKED_THAT_TABLET_CAN_NO_LONGER,
    LEVEL,
    LINE,
    LINES_GRADE_BOUNDARIES_A_B_AND_C,
    LINE_2,
    LINK_OR_QR,
    LOCATION,
    LOCKED,
    LOCK_FINAL,
    LOCK_THE_TPP_RUN,
    LOG_PAGES,
    LOG_ROOT,
    MANY_FROM_ONE_NETWORK,
    MARK_AS_REVIEWED,
    MARK_IMPLEMENTED,
    MENU,
    MONTH,
    MONTH_2,
    MORE_THAN_THE_PARTICIPANTS_IN_ALL,
    MUSRENA_FORUMS,
    MUSRENA_KEREN_FORUMS,
    MUSRENA_KEREN_PROPOSALS,
    MUSRENA_KEREN_STATISTICS,
    MUST_BE_A_NUMBER,
    MY_ACCOUNT,
    MY_FIGURES,
    MY_TPP,
    N12_MONTH_TREND,
    NAME,
    NEW,
    NEWEST,
    NEW_PASSWORD_AT_LEAST_12_CHARACTERS_5,
    NEW_PROPOSAL,
    NEXT,
    NEXT_STEP,
    NEXT_TICKET,
    NIP_FOR_AN_OFFICER_ACCOUNT,
    NONE,
    NONE_2,
    NOTHING_WAS_CHANGED,
    NOT_IMPORTED_YET_WITHOUT_BASE_AMOUNTS_NO,
    NOT_NAMED,
    NOT_PAID,
    NOT_PAID_IN_THIS_RUN,
    NOT_REACHED,
    NOT_SET_RESPONSES_ARE_NOT_JUDGED_BY,
    NOW,
    NO_AMOUNT_CHANGED,
    NO_APPEALS_ARE_WAITING,
    NO_CHANGES_EVERY_ROW_EQUALS_THE_STORED,
    NO_FOLLOW_UP_PLANS_HAVE_BEEN_PUBLISHED,
    NO_FOLLOW_UP_PLAN_FOR_THIS_PERIOD,
    NO_FORUMS_YET,
    NO_HELD_RESPONSE_MATCHES_THIS_FILTER,
    NO_KIOSKS_YET,
    NO_OFFICER_HAS_THAT_NIP,
    NO_POLICY_SAVED_YET_THE_DEFAULT_APPLIES,
    NO_PROPOSAL_IS_STILL_UNDER_WAY,
    NO_RESPONSES_ARE_HELD,
    NO_RESPONSES_COUNTED_YET,
    NO_RESPONSES_THAT_COUNT_FOR_TPP_FOR,
    NO_RESPONSES_THIS_YEAR_YET,
    NO_RESPONSES_YET,
    NO_RESPONSE_THAT_COUNTS_FOR_TPP_NAMED,
    NO_RUNS_YET,
    NO_SUCH_ACCOUNT,
    ACCOUNT_KEPT_BY_THE_OPERATOR,
    NO_SUCH_OFFICER,
    NO_TPP_RUN_YET_FOR,
    NRR_PER_ELEMENT,
    NUMBER_NOT_FOUND,
    N_ANSWERS_SAVED_ON_THIS_TABLET_WAITING,
    OCCUPATION,
    OF,
    OFFICER,
    OFFICERS,
    OFFICERS_2,
    OFFICERS_APPEAL_RESPONSES_THAT_NAME_THEM_UPHOLD,
    OFFICERS_SCORED_FROM_THEIR_SCORE_S_UPPER,
    OFFICERS_SEE_BELOW,
    OFFICERS_WITHOUT_ENOUGH_EVIDENCE_SATISFACTION_COMPONENT_100,
    OFFICER_2,
    OFFICER_S_NIP,
    OFFICER_S_REASON,
    OFFICER_WHO_SERVED_OPTIONAL,
    OFFICER_WHO_STAFFS_THIS_POINT_OPTIONAL,
    OF_THEM_DO_NOT_DECIDE_TPP_SEE,
    OLDER,
    ONCE_APPROVED_THIS_RUN_CANNOT_BE_RECOMPUTED,
    ONCE_LOCKED_THESE_AMOUNTS_ARE_FINAL_AND,
    ONLY_TICKETS_FROM_A_QUEUE_SYSTEM_OR,
    OPEN_THE_KIOSK,
    OPTIONAL,
    ORANGE_BARS_BELOW_GRADE_B_76_61,
    ORANGE_BARS_WEAKEST_ELEMENTS_TO_IMPROVE_FIRST,
    OTHER,
    OTHER_COMPONENTS_ATTENDANCE_PRODUCTIVITY,
    OTHER_VULNERABLE_GROUPS,
    OUR_PROPOSAL_EASY_FORM,
    OUTSIDE_SERVICE_HOURS,
    OVERSIGHT,
    OWNER,
    PAGE,
    PAGES,
    PAID,
    PARTICIPANTS,
    PARTICIPANTS_IN_ALL,
    PARTICIPANTS_MUST_BE_A_NUMBER,
    PARTICIPANTS_NUMBERS_ONLY_NO_NAMES,
    PASSWORD,
    PASSWORD_CHANGED_THE_ACCOUNT_S_OTHER_SESSIONS,
    PERIOD,
    PERIOD_2,
    PER_DISTRICT,
    PER_GROUP,
    PHOTO,
    PHOTOS,
    PHOTO_JPEG_PNG_OR_WEBP_UP_TO,
    PHYSICAL_DISABILITY,
    PLACE,
    PLACE_AND_DATE,
    PLANNING,
    PLEASE_CHECK,
    POINTS_BELOW,
    POLICY,
    POLICY_2,
    POLICY_IN_FORCE_FOR,
    POSITION,
    POSITION_CLASS,
    POSITION_CLASSES_IMPORTED,
    PREVIOUS,
    PRIORITIZE,
    PRIORITIZED,
    PROBLEM,
    PROBLEMS_FOUND_NOTHING_WAS_IMPORTED,
    PRODUCTIVITY,
    PROGRESS_NOTE,
    PROPOSAL,
    PROPOSALS,
    PROPOSALS_2,
    PROPOSALS_AND_TRACKER,
    PROPOSALS_OF_WOMEN_CHILDREN_PEOPLE_WITH_DISABILITIES,
    PROPOSALS_OF_WOMEN_CHILDREN_PEOPLE_WITH_DISABILITIES_2,
    PROPOSALS_UPDATED,
    PROPOSAL_PAGES,
    PROPOSAL_SAVED_ITS_TRACKING_CODE,
    PROPOSED,
    PROPOSED_ACTIVITY,
    PROPOSED_BY,
    PROPOSING_GROUP,
    PROPOSING_GROUPS,
    PROVISIONAL,
    PROVISIONAL_PREVIEW_OF_THE_CURRENT_MONTH,
    PROVISIONAL_THIS_MONTH_HAS_NOT_ENDED_THE,
    PROVISIONAL_THIS_MONTH_HAS_NOT_ENDED_THESE,
    PROVISIONAL_TOTAL,
    PROVISIONAL_TPP_PREVIEW,
    PSYCHOSOCIAL_DISABILITY,
    PUBLIC_KEY,
    PUBLIC_PAGE,
    QR_POSTER,
    QR_POSTER_2,
    QUARANTINE,
    RANK,
    RANKING,
    RATINGS_THE_PROOF_BELOW_CAN_BE_CHECKED,
    REACHES,
    REASON,
    REASON_2,
    REASON_FOR_THE_APPEAL,
    REASON_FOR_THE_DECISION,
    REASON_REQUIRED_ONE_FOR_ALL,
    RECEIPT,
    RECEIPT_NUMBER,
    RECEIPT_NUMBER_SKM,
    RECEIVED_LOCAL_TIME,
    RECOMPUTE_AS_A_NEW_VERSION,
    RECOMPUTE_THE_DRAFT,
    RECORD_A_NEW_FORUM,
    REGENCY,
    REGENCY_LEVEL,
    REGENCY_MUSRENBANG,
    REGISTERED,
    REGISTERED_KIOSKS,
    REGISTER_AS_KIOSK_AND_SIGN_OUT,
    REGISTER_THIS_TABLET,
    REJECT,
    REJECTED,
    REJECT_2,
    REJECT_3,
    REJECT_THESE_PROPOSALS,
    REPEATED_ALL_SAME_ANSWERS,
    REPEATED_DEVICE,
    REPEAT_THE_NEW_PASSWORD,
    RESET_PASSWORD,
    RESPONSE,
    RESPONSES,
    RESPONSES_2,
    RESPONSES_3,
    RESPONSES_COUNTED,
    RESPONSES_HELD_IN_QUARANTINE_OR_SET_ASIDE,
    RESPONSES_HERE_WERE_HELD_BACK_BY_THE,
    RESPONSES_IKM,
    RESPONSES_IN_THE_LOG,
    RESPONSES_NAMED_YOU,
    RESPONSES_NAMING_THIS_OFFICER,
    RESPONSES_NAMING_THIS_OFFICER_2,
    RESPONSES_THAT_COUNT_FOR_TPP_NAMED_YOU,
    RESPONSES_THAT_COUNT_FOR_TPP_TPP_CAN,
    RESPONSE_QUARANTINE,
    REVIEWED,
    REVOKE,
    REVOKED,
    REVOKE_KIOSK,
    REVOKE_THIS_KIOSK,
    ROLE,
    ROUNDED_DOWN_TO_WHOLE_RUPIAH_THIS_IS,
    ROUNDED_TO,
    ROWS_TO_FIX,
    ROWS_UNCHANGED,
    RULE,
    RUN,
    RUNS,
    RUN_2,
    SAMPLE_NEEDED,
    SAMPLE_NEEDED_2,
    SAMPLE_NEEDED_KREJCIE_MORGAN_1970_FROM_THE,
    SATISFACTION_COMPONENT,
    SATISFACTION_SURVEY,
    SAVE,
    SAVED_BY,
    SAVED_IN_FORCE_FROM,
    SAVE_A_NEW_VERSION,
    SAVE_SCORES_AND_VOTES,
    SAVE_THE_FORUM,
    SAVE_THE_PROPOSAL,
    SCAN_THE_QR_CODE_OR_OPEN,
    SCORE,
    SCORE_PER_ELEMENT_NRR_1_4,
    SEARCH,
    SECTOR,
    SELECT,
    SERVICE,
    SERVICES,
    SERVICE_HOURS,
    SERVICE_JUST_GIVEN,
    SERVICE_POINT,
    SERVICE_POINTS,
    SEX,
    SHARE_OF_PROPOSALS_BUDGETED_OF_THOSE_MADE,
    SHARE_OF_PROPOSALS_BUDGETED_PER_GROUP,
    SHORT,
    SHOW,
    SIGNATURE,
    SIGN_IN,
    SIGN_LANGUAGE_INTERPRETER,
    SIGN_OUT,
    SKM_RESPONSES,
    SKM_RESULTS_IN_THE_OPEN,
    SOCIAL,
    SOMEONE_ELSE_CHANGED_THE_RUN_S_STATE,
    SOME_OF_THE_RESPONSES_WERE_DECIDED_BY,
    SOURCE_NETWORK_CODE,
    SPREADSHEET_XLSX,
    STAFF,
    STAFF_MENU,
    STAFF_SIGN_IN,
    STAFF_SIGN_IN_OPEN_SURVEY_KIOSKS_IN,
    STAGE,
    START_AGAIN,
    STATE,
    STATE_NOW,
    STATISTICS,
    STATISTICS_PER_GROUP_AND_DISTRICT,
    STATUS,
    STATUS_2,
    STEP,
    STEP_FREE_ACCESS_RAMPS,
    SUBMITTED,
    SUBMITTED_AT_THE_FORUM,
    SUB_UNITS,
    SUGGESTION,
    SURVEY_KIOSKS,
    SURVEY_RESULTS,
    SURVEY_TICKETS,
    SURVEY_TICKET_QR_CODE,
    THANK_YOU,
    THAT_KIOSK_HAS_BEEN_REVOKED_ALREADY,
    THAT_RESPONSE_DOES_NOT_NAME_YOU,
    THAT_TABLET_CAN_NO_LONGER_SEND_KIOSK,
    THERE_IS_A_PROBLEM,
    THE_APPROVER_MUST_BE_SOMEONE_OTHER_THAN,
    THE_CHECK_PASSED_NOTHING_HAS_BEEN_IMPORTED,
    THE_CONNECTION_IS_DOWN_YOUR_ANSWERS_ARE,
    THE_CURRENT_PASSWORD_IS_WRONG,
    THE_DATE_IS_NOT_VALID,
    THE_EVIDENCE_IS_NOT_ENOUGH_SO_YOUR,
    THE_FORM_EXPIRED_OR_COOKIES_ARE_BLOCKED,
    THE_FORUM_CANNOT_BE_SAVED_YET,
    THE_HASH_CHAIN_S_HEAD_NOW,
    THE_HOME_PAGE,
    THE_LATEST_SIGNED_LOG_HOLDS,
    THE_NEW_PASSWORD_AND_ITS_REPETITION_DIFFER,
    THE_NEW_PASSWORD_NEEDS_AT_LEAST_12,
    THE_NEXT_SIGNATURE_OF_THE_LOG_WITHIN,
    THE_OFFICIAL_RUN_CAN_BE_COMPUTED_FROM,
    THE_PHOTO_COULD_NOT_BE_READ_SEND,
    THE_PHOTO_IS_LARGER_THAN_5_MB,
    THE_PHOTO_MUST_BE_JPEG_PNG_OR,
    THE_PLAN_WAS_NOT_SAVED,
    THE_POLICY_CANNOT_BE_SAVED_YET,
    THE_POLICY_S_RULE,
    THE_PUBLIC_SATISFACTION_INDEX_IKM_OF_EVERY,
    THE_RANGE_COMES_FROM_THE_SPREAD_OF,
    THE_SAME_FOR_MACHINES_TO_CHECK_JSON,
    THE_SCORE,
    THE_SERVER_IS_BUSY_TRY_AGAIN_IN,
    THE_SERVER_IS_HANDLING_MANY_SIGN_INS,
    THE_STEP_WAS_NOT_APPLIED,
    THE_TRACKING_PAGE,
    THE_UNIT_S_IKM_OVER_THE_SAME,
    THE_UNIT_S_SCORE,
    THE_WHOLE_SIGNED_HEAD_FOR_MACHINES_TO,
    THIS_APPEAL_HAS_BEEN_DECIDED_ALREADY_DECISIONS,
    THIS_DECISION_IS_FINAL_AND_GOES_INTO,
    THIS_DECISION_IS_FINAL_THE_RESPONSE_NO,
    THIS_DECISION_IS_FINAL_THE_RESPONSE_STILL,
    THIS_MONTH_YOUR_UNIT_HAD,
    THIS_OFFICER_WAS_NOT_ON_THE_STAFF,
    THIS_PAGE_IS_FOR_REGIONAL_GOVERNMENT_STAFF,
    THIS_POLICY_HAS_NO_EVIDENCE_RULE_THE,
    THIS_RESPONSE_HAS_BEEN_APPEALED_ALREADY,
    THIS_TABLET_IS_NOT_A_KIOSK_YET,
    THIS_TABLET_IS_THE_KIOSK,
    THIS_TICKET_HAS_EXPIRED_YOU_CAN_STILL,
    THOSE_OF_THE_LAST_SEVEN_DAYS_ARE,
    TICKET,
    TICKETS_ONLY,
    TICKET_ALREADY_USED,
    TICKET_ANSWERED_AT_THE_COUNTER,
    TICKET_EXPIRED,
    TICK_THE_RESPONSES_TO_DECIDE_OR_CHOOSE,
    TIE_BY_CODE,
    TIE_FEWER_VOTES,
    TIE_HIGHER_COST,
    TIE_LOWER_CRITERIA_SCORE,
    TIE_SUBMITTED_LATER,
    TIME,
    TITLE,
    TITLE_2,
    TOTAL,
    TO_IMPORT_CHOOSE_THE_SAME_FILES_AND,
    TPP_APPEALS,
    TPP_EXPLAINED_AND_APPEALS,
    TPP_IS_COMPUTED_FROM_THIS_UPPER_END,
    TPP_IS_NOT_REDUCED_FOR_SATISFACTION,
    TPP_MONTHLY_PAYROLL,
    TPP_PAYROLL,
    TPP_POLICIES,
    TRACK,
    TRACK_A_PROPOSAL_BY_ITS_CODE,
    TRANSPORT,
    TREE_ROOT,
    TREND_TABLE,
    UNDER_REVIEW,
    UNIT,
    UNITS_FALL_SHORT_OF_THE_KREJCIE_MORGAN,
    UNITS_HAVE_FEWER_RESPONSES_THAN_THE_KREJCIE,
    UNITS_MATCH,
    UNIT_FOR_A_UNIT_ADMIN,
    UNIT_OR_NIP,
    UNKNOWN_KIND_OF_IMPORT,
    UNKNOWN_TICKET,
    UNKNOWN_UNIT,
    UNPAID,
    UNTIL,
    UPHELD_THE_RESPONSE_NO_LONGER_COUNTS_FOR,
    UPHOLD,
    UPHOLD_THIS_APPEAL,
    UPLOAD_ONE_OR_MORE_CSV_FILES_UTF,
    USED_ONLY_WHEN_THE_POLICY_GIVES_THEM,
    USERNAME,
    TEMPLATE,
    TEMPLATE_SHEET_FILL,
    TEMPLATE_SHEET_EXAMPLE,
    TEMPLATES_HINT,
    TABLE_UNITS,
    TABLE_SERVICES,
    TABLE_POINTS,
    TABLE_VILLAGES,
    TABLE_CATALOGUE,
    TABLE_ISSUES,
    USERNAME_IS_TAKEN,
    USERNAME_LOWER_CASE_LETTERS_DIGITS_DOTS_DASHES,
    USER_ACCOUNTS,
    VALID_ONCE_UNTIL,
    VECTOR_IMAGE_SVG,
    VERIFIED,
    VERIFY,
    VERSION,
    VERSIONS_OF_THIS_MONTH,
    VERSION_2,
    VERSION_3,
    VILLAGE,
    VILLAGE_MUSRENBANG,
    VILLAGE_VILLAGE_FORUMS,
    VISUAL_DISABILITY,
    VOTES,
    WEAKEST,
    WEIGHTED_SATISFACTION,
    WEIGHT_OF_THE_UNIT_S_SCORE_K,
    WE_HAVE_YOUR_ANSWERS_THEY_HELP_IMPROVE,
    WHAT_CHANGED,
    WHAT_COUNTS_FOR_TPP,
    WHAT_IS_IT_ABOUT,
    WHAT_MAKES_THINGS_HARD_OR_SAD_FOR,
    WHAT_WOULD_YOU_LIKE_TO_ASK_FOR,
    WHERE,
    WHICH_COST_YOU,
    WHO_IS_ASKING,
    WHY_IS_MY_TPP_WHAT_IT_IS,
    WOMEN,
    WRITE_DOWN_THE_REASON,
    WRITE_DOWN_THE_REASON_FOR_THE_DECISION,
    WRONG_USERNAME_OR_PASSWORD,
    YES_APPROVE,
    YES_DECIDE,
    YES_DISMISS,
    YES_LOCK,
    YES_REJECT,
    YES_REVOKE,
    YES_UPHOLD,
    YOUR_OWN_SCORE,
    YOUR_OWN_UNIT_HAD_NONE_THE_UNIT,
    YOUR_POSITION_DOES_NOT_SERVE_THE_PUBLIC,
    YOUR_RATING_COUNTS_IN_THE_SURVEY_RESULTS,
    YOUR_RATING_IS_STORED_AND_BEING_REVIEWED,
    YOUR_SCORE,
    YOUR_UNITS_HAVE_NO_SERVICE_POINTS_YET,
    YOUR_UNIT_HAD_NO_RESPONSES_THAT_COUNT,
    YOU_CANNOT_DISABLE_YOUR_OWN_ACCOUNT,
    YOU_WERE,
    YYYY_YYYY_MM_YYYY_Q1_Q4_OR,
    NOT_A_VILLAGE,
    VILLAGE_NOT_IN_THE_DISTRICT,
    VILLAGE_OR_KELURAHAN,
    ADDRESS_IN_THE_VILLAGE,
    SPOT_ON_THE_MAP_OPTIONAL,
    SPOT_HINT,
    LATITUDE,
    LONGITUDE,
    SPOT,
    IS_NOT_A_SPOT,
    CHOOSE_THE_VILLAGE,
    NO_VILLAGES_YET,
    MAP_OF_PROPOSALS,
    MAP_LEAD,
    SHADE_BY,
    NUMBER_OF_PROPOSALS,
    BUDGETED_RUPIAH,
    YEAR,
    ALL_YEARS,
    NO_VILLAGE_BOUNDARIES_YET,
    NONE_YET,
    MAP_DATA_AS_GEOJSON,
    VILLAGES_AS_A_TABLE,
    ALL_VILLAGES,
    YEAR_PROPOSED,
    SEE_THE_MAP,
    VILLAGES_WITHOUT_PROPOSALS,
    PROGRESS_OF_THE_WORK,
    PERCENT_DONE,
    SPENT_OF_THE_BUDGET,
    NO_PROGRESS_YET,
    RECORD_PROGRESS,
    PERCENT_OF_THE_WORK_DONE,
    SPENT_SO_FAR_RP,
    WORK_PROGRESS_NOTE,
    SAVE_THE_PROGRESS,
    COMPLETION_WARNING,
    CONFIRM_COMPLETION,
    CONFIRM_COMPLETION_HINT,
    PROGRESS_SAVED,
    PROGRESS_NOT_BUDGETED,
    PROGRESS_BEFORE_BUDGET,
    PROGRESS_BEFORE_LAST,
    PROGRESS_LESS_DONE,
    PROGRESS_LESS_SPENT,
    PROGRESS_OVER_BUDGET,
    IS_IN_THE_FUTURE,
    IS_NOT_A_PERCENT,
    COMPLETED,
    RANKING_RULE_EXPLAINED,
    PROPOSAL_RETURNED,
    PROPOSAL_CANCELLED,
    RETURN_TO_BE_HANDLED_ELSEWHERE,
    CANCEL_THE_PROPOSAL,
    REASON_REQUIRED_TO_STOP,
    RETURN_THESE_PROPOSALS,
    CANCEL_THESE_PROPOSALS,
    YES_RETURN,
    YES_CANCEL,
    STOPPING_IS_FINAL,
    ACTIVITY_FROM_THE_CATALOGUE,
    NOT_FROM_THE_CATALOGUE,
    VOLUME_IN_THE_UNIT_OF_MEASURE,
    STRATEGIC_ISSUE,
    COST_REASON,
    COST_FROM_VOLUME_HINT,
    NOT_IN_THE_CATALOGUE,
    NOT_A_STRATEGIC_ISSUE,
    LEVEL_MAY_NOT_PROPOSE,
    ACTIVITY_NEEDS_A_VOLUME,
    COST_DIFFERS_GIVE_A_REASON,
    COST_TOO_LARGE,
    IS_NOT_A_VOLUME,
    RECOMMENDATIONS,
    RECORD_A_RECOMMENDATION,
    RECOMMENDING_LEVEL,
    RESPONSIBLE_UNIT_OPD,
    BUDGET_TEAM_TAPD,
    RECOMMENDED_VOLUME,
    RECOMMENDED_AMOUNT_RP,
    RECOMMENDATION_TEXT,
    SAVE_THE_RECOMMENDATION,
    RECOMMENDATION_SAVED,
    CHOOSE_THE_RECOMMENDING_LEVEL,
    NO_RECOMMENDATION_YET,
    PER_SDG_GOAL,
    SDG_GOAL_N,
    PROPOSAL_MERGED,
    PROPOSAL_SPLIT,
    MERGED_FROM_OTHERS,
    SPLIT_FROM_ANOTHER,
    MERGED_INTO,
    MERGED_FROM,
    SPLIT_INTO,
    SPLIT_FROM,
    MERGES_AND_SPLITS,
    DISTRICT_MUSRENBANG_MERGE,
    MERGE_INTRO,
    NO_PROPOSALS_AT_THE_DISTRICT,
    THE_MERGED_PROPOSAL,
    MERGE_THE_CHOSEN,
    MERGE_THESE_PROPOSALS,
    YES_MERGE,
    MERGING_IS_FINAL,
    SPLIT_THIS_PROPOSAL,
    SPLIT_INTRO,
    PART_N,
    SPLIT_INTO_THESE_PARTS,
    YES_SPLIT,
    SPLITTING_IS_FINAL,
    CHOOSE_TWO_OR_MORE,
    NOT_AT_THE_DISTRICT_MUSRENBANG,
    OFFLINE_FORUM,
    OFFLINE_FORUM_INTRO,
    OFFLINE_WAITING,
    OFFLINE_ALL_SENT,
    OFFLINE_REFUSED,
    ASSISTED_VOTES,
    ASSISTED_VOTES_INTRO,
    NUMBER_OF_VOTES,
    RECORD_THE_VOTES,
    OPEN_THE_OFFLINE_FORUM,
    VOTES_MUST_BE_A_NUMBER,
    CHOOSE_A_PROPOSAL_AND_GROUP,
    NOT_A_VALID_KEY,
    ASSISTED_VOTES_BY_GROUP,
    PHOTOS_UP_TO_THREE,
    COST_BREAKDOWN_RAB,
    AT_MOST_THREE_PHOTOS,
    RAB_MUST_BE_PDF_OR_XLSX,
    COST_BREAKDOWN,
    ACTIVITY_VOLUME,
    ONLY_PLANNERS_CHANGE_THE_COST,
    IS_NOT_A_DATE,
    SIGN_IN_WITH,
    OR_SIGN_IN_WITH_A_PASSWORD,
    SSO_UNAVAILABLE,
    SSO_REFUSED,
    SSO_EXPIRED,
    SSO_INVALID,
    SSO_NO_ROLE,
    SSO_MANY_ROLES,
    SSO_MISSING_DETAIL,
    SSO_USERNAME_TAKEN,
    SSO_UNKNOWN_UNIT,
    ACCOUNT_DISABLED_ASK_ADMIN,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Names and codes that read the same in both languages.
    const SAME_IN_BOTH: &[&str] = &[
        "Bank",
        "TPP",
        "Braille",
        "Unit ",
        "IKM per unit",
        "IKM per unit (25–100)",
        "Unit",
        "Status",
        "Forum",
        "IKM",
        "NRR",
        "Menu",
        "NIP",
        "API",
        "CSV",
        "Musrena",
        "Musrena Keren",
        "Bappeda",
        "BKPSDM",
        "BPKAD",
        "Administrator",
        "Sektor",
        "Total",
    ];
    /// Words that give a text away as English when found in the Indonesian, and the reverse.
    const ENGLISH: &[&str] = &[" the ", " and ", " of ", " is ", " are ", " with ", " to "];
    const INDONESIAN: &[&str] = &[" yang ", " dan ", " tidak ", " dengan ", " untuk "];

    #[test]
    fn every_text_is_there_in_both_languages_and_worded_in_its_own() {
        let mut problems = Vec::new();
        for text in EVERY_TEXT {
            if text.id.trim().is_empty() || text.en.trim().is_empty() {
                problems.push(format!("empty: {text:?}"));
            }
            if text.id == text.en
                && !SAME_IN_BOTH.contains(&text.id)
                && text.id.chars().any(char::is_alphabetic)
            {
                problems.push(format!("the same words in both languages: {text:?}"));
            }
            let (id, en) = (format!(" {} ", text.id), format!(" {} ", text.en));
            for word in ENGLISH.iter().filter(|w| id.contains(*w)) {
                problems.push(format!("English {word:?} in the Indonesian of {text:?}"));
            }
            for word in INDONESIAN.iter().filter(|w| en.contains(*w)) {
                problems.push(format!("Indonesian {word:?} in the English of {text:?}"));
            }
            if text.id.matches("{}").count() != text.en.matches("{}").count() {
                problems.push(format!("different places to fill: {text:?}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn no_text_is_listed_twice() {
        for (i, a) in EVERY_TEXT.iter().enumerate() {
            assert!(!EVERY_TEXT[i + 1..].contains(a), "{a:?} twice");
        }
    }
}
