// Copy-ready server configuration for serving the policy: status 200, text/plain, no
// redirects (STS-FETCH-5, -6, -8). `appUpstream` is where this app listens.

export interface Snippet {
  id: string;
  title: string;
  text: string;
}

/** Hosted by STS Rollout: a TLS-terminating proxy in front of the app. */
export function hostedSnippets(domain: string, appUpstream: string, publicHost: string): Snippet[] {
  const host = `mta-sts.${domain}`;
  return [
    {
      id: "dns",
      title: "DNS: point the policy host at this installation",
      text: `${host}.  3600  IN CNAME  ${publicHost}.\n`,
    },
    {
      id: "caddy-hosted",
      title: "Caddy (on-demand certificates, only for managed domains)",
      text: `{
\ton_demand_tls {
\t\task http://${appUpstream}/api/tls-ask
\t}
}

https:// {
\ttls {
\t\ton_demand
\t}
\t@policy path /.well-known/mta-sts.txt
\treverse_proxy @policy ${appUpstream}
\trespond 404
}
`,
    },
    {
      id: "nginx-hosted",
      title: "nginx (one server block per domain; certificate from certbot or similar)",
      text: `server {
    listen 443 ssl;
    server_name ${host};
    ssl_certificate     /etc/letsencrypt/live/${host}/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/${host}/privkey.pem;

    location = /.well-known/mta-sts.txt {
        proxy_pass http://${appUpstream};
        proxy_set_header Host $host;
        proxy_redirect off;
    }
    location / { return 404; }
}
`,
    },
  ];
}

/** Self-hosted: the admin serves the downloaded file. */
export function selfHostedSnippets(domain: string): Snippet[] {
  const host = `mta-sts.${domain}`;
  return [
    {
      id: "nginx",
      title: "nginx",
      text: `server {
    listen 443 ssl;
    server_name ${host};
    ssl_certificate     /etc/letsencrypt/live/${host}/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/${host}/privkey.pem;

    # Exact match: no trailing-slash or www redirect can apply.
    location = /.well-known/mta-sts.txt {
        default_type text/plain;
        types { }
        charset utf-8;
        alias /var/www/mta-sts/mta-sts.txt;
    }
    location / { return 404; }
}
`,
    },
    {
      id: "apache",
      title: "Apache httpd",
      text: `<VirtualHost *:443>
    ServerName ${host}
    SSLEngine on
    SSLCertificateFile    /etc/letsencrypt/live/${host}/fullchain.pem
    SSLCertificateKeyFile /etc/letsencrypt/live/${host}/privkey.pem
    DocumentRoot /var/www/mta-sts
    # No Redirect/RewriteRule for this host: senders never follow redirects.
    <Files "mta-sts.txt">
        ForceType "text/plain; charset=utf-8"
    </Files>
</VirtualHost>
# Put the file at /var/www/mta-sts/.well-known/mta-sts.txt
`,
    },
    {
      id: "caddy",
      title: "Caddy",
      text: `${host} {
\troot * /var/www/mta-sts
\t@policy path /.well-known/mta-sts.txt
\theader @policy Content-Type "text/plain; charset=utf-8"
\tfile_server @policy
\trespond 404
}
`,
    },
    {
      id: "static",
      title: "Static hosting (GitHub Pages, Netlify, S3 + CDN, …)",
      text: `1. Publish the file at .well-known/mta-sts.txt on a site served as https://${host}
   (GitHub Pages: add an empty .nojekyll file, or the dot-folder is skipped).
2. The host must answer 200 directly: turn off "force www", trailing-slash and
   HTTP→HTTPS redirects for this path, and custom-domain redirects.
3. Content-Type must be text/plain (Netlify: a _headers file with
   /.well-known/mta-sts.txt
     Content-Type: text/plain; charset=utf-8).
4. The certificate must name ${host} itself, not the provider's host.
5. Press "Verify" below: it fetches the file exactly as senders do.
`,
    },
  ];
}
