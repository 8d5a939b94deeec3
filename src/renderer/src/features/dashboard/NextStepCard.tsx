import type { ReactNode } from 'react'
import { Card } from '../../ui'

type TNextStepCardProps = {
  icon: ReactNode
  title: string
  body: string
  link: ReactNode
}

/** One "getting started" card on the dashboard. */
export function NextStepCard({ icon, title, body, link }: TNextStepCardProps) {
  return (
    <Card icon={icon} title={title} headingLevel={3} footer={link}>
      <p>{body}</p>
    </Card>
  )
}
