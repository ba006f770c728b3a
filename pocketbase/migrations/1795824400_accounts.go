package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Pages of the app that the account e-mails link to ({TOKEN} is PocketBase's
// placeholder). They must match src/lib/routes.ts.
const (
	VerifyPath        = "/akun/verifikasi"
	PasswordResetPath = "/akun/sandi-baru"
)

// The account e-mails, Indonesian first and then English (one template
// per collection: the resident reads both languages in one message).
var (
	verificationTemplate = core.EmailTemplate{
		Subject: "Konfirmasi email Anda / Confirm your email — " + core.EmailPlaceholderAppName,
		Body: `<p>Halo,</p>
<p>Terima kasih telah mendaftar di ` + core.EmailPlaceholderAppName + `. Tekan tautan di bawah untuk mengonfirmasi alamat email Anda. Permohonan Anda baru dikirim ke kantor setelah email dikonfirmasi.</p>
<p><a class="btn" href="` + core.EmailPlaceholderAppURL + VerifyPath + `?token=` + core.EmailPlaceholderToken + `" target="_blank" rel="noopener">Konfirmasi email / Confirm email</a></p>
<p><i>Jika Anda tidak mendaftar, abaikan email ini.</i></p>
<hr/>
<p>Hello,</p>
<p>Thank you for registering with ` + core.EmailPlaceholderAppName + `. Use the link above to confirm your email address. Your applications go to the office once it is confirmed.</p>
<p><i>If you did not register, please ignore this email.</i></p>
<p>Disdukcapil Kota Balikpapan</p>`,
	}

	resetPasswordTemplate = core.EmailTemplate{
		Subject: "Atur ulang kata sandi / Reset your password — " + core.EmailPlaceholderAppName,
		Body: `<p>Halo,</p>
<p>Tekan tautan di bawah untuk membuat kata sandi baru. Tautan ini berlaku 30 menit.</p>
<p><a class="btn" href="` + core.EmailPlaceholderAppURL + PasswordResetPath + `?token=` + core.EmailPlaceholderToken + `" target="_blank" rel="noopener">Buat kata sandi baru / Choose a new password</a></p>
<p><i>Jika Anda tidak meminta ini, abaikan email ini: kata sandi Anda tidak berubah.</i></p>
<hr/>
<p>Hello,</p>
<p>Use the link above to choose a new password. It works for 30 minutes.</p>
<p><i>If you did not ask for this, please ignore this email: your password stays as it is.</i></p>
<p>Disdukcapil Kota Balikpapan</p>`,
	}

	staffOTPTemplate = core.EmailTemplate{
		Subject: "Kode masuk staf / Staff sign-in code — " + core.EmailPlaceholderAppName,
		Body: `<p>Kode sekali pakai Anda / Your one-time code: <strong>` + core.EmailPlaceholderOTP + `</strong></p>
<p>Ref. ` + core.EmailPlaceholderOTPId + `</p>
<p><i>Jika Anda tidak sedang masuk ke dasbor, segera hubungi TI kantor. / If you are not signing in to the dashboard, tell the office's IT at once.</i></p>`,
	}
)

func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		// Residents sign in with their NIK or their e-mail (both unique).
		users.PasswordAuth.Enabled = true
		users.PasswordAuth.IdentityFields = []string{core.FieldNameEmail, "nik"}
		users.VerificationTemplate = verificationTemplate
		users.ResetPasswordTemplate = resetPasswordTemplate
		if err := app.Save(users); err != nil {
			return err
		}

		// Staff: a password and then a one-time code sent by e-mail.
		superusers, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		if err != nil {
			return err
		}
		superusers.MFA.Enabled = true
		superusers.MFA.Rule = ""
		superusers.OTP.Enabled = true
		superusers.OTP.Length = 8
		superusers.OTP.EmailTemplate = staffOTPTemplate
		return app.Save(superusers)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.PasswordAuth.IdentityFields = []string{core.FieldNameEmail}
		if err := app.Save(users); err != nil {
			return err
		}

		superusers, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
		if err != nil {
			return err
		}
		superusers.MFA.Enabled = false
		superusers.OTP.Enabled = false
		return app.Save(superusers)
	})
}
