import { useMutation } from "@tanstack/react-query";
import { unwrap } from "@/lib/api";
import { residentApi } from "./client";
import { setResidentSession } from "./session";

export function useResidentLogin() {
  return useMutation({
    mutationFn: async (body: { phone: string; password: string }) => {
      const tokens = await unwrap(
        residentApi.POST("/api/v1/auth/login", {
          body: { username: body.phone, password: body.password, cookie: true },
        }),
      );
      setResidentSession(tokens);
      return tokens;
    },
  });
}
