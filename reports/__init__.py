"""PDF reports: page reports, the regional pack, the SKM publication and scheduled delivery."""
