import { router } from "../../trpc.ts";
import { customerSignUpProcedure } from "./customer-sign-up.ts";
import {
  passwordResetProcedure,
  requestPasswordResetProcedure,
  resetPasswordProcedure,
} from "./password-reset.ts";
import { changePasswordProcedure, meProcedure, signOutProcedure } from "./session.ts";
import { customerSignInProcedure, signInProcedure } from "./sign-in.ts";
import { signUpBusinessProcedure } from "./sign-up-business.ts";

export const authRouter = router({
  me: meProcedure,
  signUpBusiness: signUpBusinessProcedure,
  signIn: signInProcedure,
  customerSignUp: customerSignUpProcedure,
  customerSignIn: customerSignInProcedure,
  signOut: signOutProcedure,
  changePassword: changePasswordProcedure,
  requestPasswordReset: requestPasswordResetProcedure,
  passwordReset: passwordResetProcedure,
  resetPassword: resetPasswordProcedure,
});
