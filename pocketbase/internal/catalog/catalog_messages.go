package catalog

// messages are English texts of the answer codes, for API responses and
// logs; the client shows its own texts by code (messages/*.json,
// err_f_<code>). A test keeps its keys equal to answerCodes, the closed
// list of src/lib/catalog/codes.ts that catalog.json carries.
var messages = map[string]string{
	CodeRequired:         "This answer is required.",
	"required_choice":    "Choose one of the options.",
	CodeType:             "The answer is not of the expected type.",
	CodeUnknownKey:       "The form of the service has no such answer.",
	"choice_invalid":     "The answer is not one of the options.",
	"too_long":           "The answer is too long.",
	"pattern":            "The answer does not have the expected format.",
	"skpwni_format":      "Not an SKPWNI letter number (SKPWNI/RRRR/DDMMYYYY/NNNN).",
	"nik_length":         "A NIK has exactly 16 digits.",
	"nik_digits":         "A NIK contains digits only.",
	"nik_province":       "The first two digits of the NIK are not a province code.",
	"nik_day":            "Digits 7-8 of the NIK are not a valid day of birth (01-31, or 41-71 for women).",
	"nik_month":          "Digits 9-10 of the NIK are not a valid month of birth (01-12).",
	"nik_serial":         "The last four digits of the NIK cannot be 0000.",
	"kk_format":          "A family card (KK) number has exactly 16 digits.",
	"phone":              "Not an Indonesian mobile number (08..., 628... or +628...).",
	"date_invalid":       "Not a valid date (YYYY-MM-DD, from 1900).",
	"date_future":        "The date cannot be in the future.",
	"time_invalid":       "Not a valid time (HH.MM or HH:MM).",
	"number_invalid":     "Not a valid number.",
	"number_min":         "The number is too small.",
	"number_max":         "The number is too large.",
	"group_min":          "Too few entries.",
	"group_max":          "Too many entries.",
	"rt_rw":              "RT and RW are numbers of one to three digits.",
	"kelurahan_mismatch": "The kelurahan is not in the chosen kecamatan.",
	CodeServiceUnknown:   "The service is not one that residents can apply for online.",
}

// Message returns the English text of an answer code of Validate.
func Message(code string) string {
	if msg, ok := messages[code]; ok {
		return msg
	}
	// Validate gives no other code (TestAnswerCodes); this is only a guard.
	return "The answer is not valid."
}
