/** @jsxRuntime automatic @jsxImportSource react */
// The frame every email shares: the business's name at the top, the message, and whom to ask at the bottom.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { EmailBusiness } from "./define.ts";

const page = { backgroundColor: "#f6f7f9", fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif" };
const card = { backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px", borderRadius: "8px" };
const small = { color: "#5b6472", fontSize: "13px" };

export function EmailLayout(props: { business: EmailBusiness; preview: string; children: ReactNode }) {
  const { business } = props;
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Heading as="h2">{business.name}</Heading>
          {props.children}
          <Hr />
          <Text style={small}>
            {business.name}
            {business.contactEmail ? (
              <>
                {" · Questions? Write to "}
                <Link href={`mailto:${business.contactEmail}`}>{business.contactEmail}</Link>
              </>
            ) : null}
          </Text>
          <Text style={small}>Sent by fieldpay for {business.name}.</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A link as a button in HTML; the plain-text part shows the address itself. */
export function Action(props: { href: string; children: ReactNode }) {
  return (
    <Text>
      <Link href={props.href} style={{ fontWeight: 600 }}>
        {props.children}
      </Link>
    </Text>
  );
}
